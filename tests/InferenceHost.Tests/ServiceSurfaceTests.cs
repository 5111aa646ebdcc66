using Commerce.Inference.Grpc;
using Commerce.Inference.Tests.Support;
using Commerce.Protos.Inference;
using Commerce.TestSupport;
using Grpc.Health.V1;

namespace Commerce.Inference.Tests;

public sealed class ServiceSurfaceTests
{
    [Test]
    public async Task Starts_in_process_answers_health_serving_and_lists_its_service_over_reflection()
    {
        var repository = ModelRepositoryFixture.CreateTemporary();
        await using var host = new ServiceHost<InferenceGrpcService>(new Dictionary<string, string?> { ["Inference:ModelRepository"] = repository });
        using var channel = host.CreateChannel();
        await InferenceTestHost.WaitUntilReadyAsync(new GRPCInferenceService.GRPCInferenceServiceClient(channel));

        var status = await GrpcSurface.HealthAsync(channel);
        var services = await GrpcSurface.ReflectedServicesAsync(channel);

        Assert.That(status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
        Assert.That(services, Does.Contain("inference.GRPCInferenceService"));
    }
}
