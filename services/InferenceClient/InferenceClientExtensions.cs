using Commerce.Protos.Inference;
using Commerce.ServiceDefaults.Grpc;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.InferenceClient;

public static class InferenceClientExtensions
{
    /// <summary>The AppHost's resource name of InferenceHost; discovery resolves <c>services:inference:grpc</c>.</summary>
    public const string ServiceName = "inference";

    /// <summary>Images and composites exceed gRPC's 4 MB default; InferenceHost accepts up to 64 MB.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Registers <see cref="InferenceClient"/> over the fleet's gRPC client (service discovery, a deadline on every
    /// call, the standard resilience handler). <paramref name="serviceName"/> points it at another inference server.
    /// </summary>
    public static IServiceCollection AddInferenceClient(this IServiceCollection services, string serviceName = ServiceName,
        TimeSpan? deadline = null)
    {
        services.AddFleetGrpcClient<GRPCInferenceService.GRPCInferenceServiceClient>(serviceName, defaultDeadline: deadline)
            .ConfigureChannel(channel =>
            {
                channel.MaxReceiveMessageSize = MaxMessageBytes;
                channel.MaxSendMessageSize = MaxMessageBytes;
            });
        services.AddTransient<InferenceClient>();
        return services;
    }
}
