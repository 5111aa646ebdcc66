using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Commerce.ServiceDefaults.Grpc;

/// <summary>Gives unary calls without a deadline the configured default, so a caller that forgot one cannot pin a handler.</summary>
public sealed class ServerDeadlineInterceptor(IOptions<GrpcServerSettings> settings) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (context.Deadline != DateTime.MaxValue)
        {
            return await continuation(request, context);
        }

        try
        {
            return await continuation(request, context).WaitAsync(settings.Value.DefaultUnaryDeadline, context.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                $"the call took longer than the server's default deadline of {settings.Value.DefaultUnaryDeadline.TotalSeconds:0} s"));
        }
    }
}
