using Commerce.TestSupport;
using Commerce.Bidding.Grpc;
using Grpc.Health.V1;

namespace Commerce.Bidding.Tests;

public sealed class ServiceSurfaceTests
{
    [Test]
    public async Task Starts_in_process_answers_health_serving_and_lists_its_service_over_reflection()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        using var channel = host.CreateChannel();

        var status = await GrpcSurface.HealthAsync(channel);
        var services = await GrpcSurface.ReflectedServicesAsync(channel);

        Assert.That(status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
        Assert.That(services, Does.Contain("commerce.bidding.v1.BiddingService"));
    }
}
