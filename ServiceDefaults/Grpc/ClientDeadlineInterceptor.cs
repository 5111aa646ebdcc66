using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Commerce.ServiceDefaults.Grpc;

/// <summary>Puts a deadline on every outgoing unary call that has none, so no call of ours waits forever.</summary>
public sealed class ClientDeadlineInterceptor(TimeSpan defaultDeadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + defaultDeadline));
        }

        return continuation(request, context);
    }
}
