using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Commerce.TestSupport;

/// <summary>What every service must show on its gRPC port: health SERVING and its services listed over reflection.</summary>
public static class GrpcSurface
{
    public static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(GrpcChannel channel, string service = "")
    {
        var client = new Health.HealthClient(channel);
        var response = await client.CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(30));
        return response.Status;
    }

    public static async Task<IReadOnlyList<string>> ReflectedServicesAsync(GrpcChannel channel)
    {
        var client = new ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var names = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        return names;
    }
}
