using System.Diagnostics;
using Commerce.ServiceDefaults.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Commerce.ServiceDefaults.Grpc;

/// <summary>Maps domain exceptions to gRPC statuses; anything unexpected is logged with its trace id and answered Internal without internals.</summary>
public sealed class ServerErrorInterceptor(ILogger<ServerErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Translate(ex, context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Translate(ex, context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Translate(ex, context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (Exception ex) when (ex is not RpcException) { throw Translate(ex, context); }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        var status = ex switch
        {
            InvalidInputException => new Status(StatusCode.InvalidArgument, ex.Message),
            NotFoundException => new Status(StatusCode.NotFound, ex.Message),
            AccessDeniedException => new Status(StatusCode.PermissionDenied, ex.Message),
            LimitExceededException => new Status(StatusCode.ResourceExhausted, ex.Message),
            PreconditionFailedException => new Status(StatusCode.FailedPrecondition, ex.Message),
            ConflictException => new Status(StatusCode.AlreadyExists, ex.Message),
            OperationCanceledException when context.Deadline <= DateTime.UtcNow => new Status(StatusCode.DeadlineExceeded, "the call's deadline passed"),
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => new Status(StatusCode.Cancelled, "the caller cancelled the call"),
            _ => default,
        };
        if (status.StatusCode != StatusCode.OK)
        {
            logger.LogInformation("{Method} answered {Status}: {Detail}", context.Method, status.StatusCode, status.Detail);
            return new RpcException(status);
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? "none";
        logger.LogError(ex, "{Method} failed unexpectedly (trace {TraceId})", context.Method, traceId);
        return new RpcException(new Status(StatusCode.Internal, $"internal error (trace {traceId})"));
    }
}
