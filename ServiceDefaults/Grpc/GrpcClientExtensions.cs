using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.ServiceDefaults.Grpc;

public static class GrpcClientExtensions
{
    /// <summary>
    /// A typed gRPC client to another service of the fleet, found by service discovery (<c>services:{name}:grpc</c>),
    /// every call with a deadline. Unary clients get the standard resilience handler (timeouts, circuit breaker, and
    /// retries of connection failures, which never reached the server); streaming clients must not, since its total
    /// timeout would cut a long stream.
    /// </summary>
    public static IHttpClientBuilder AddFleetGrpcClient<TClient>(this IServiceCollection services, string serviceName,
        bool streaming = false, TimeSpan? defaultDeadline = null) where TClient : class
    {
        var deadline = defaultDeadline ?? TimeSpan.FromSeconds(10);
        var builder = services
            .AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{serviceName}"))
            .AddInterceptor(InterceptorScope.Client, _ => new ClientDeadlineInterceptor(deadline));
        if (!streaming)
        {
            builder.AddStandardResilienceHandler();
        }

        return builder;
    }
}
