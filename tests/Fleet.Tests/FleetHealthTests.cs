using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Commerce.Fleet.Tests;

public sealed class FleetHealthTests
{
    public static IEnumerable<string> Resources() => FleetUnderTest.Services.Append("rabbit").Append("gateway");

    [TestCaseSource(nameof(Resources))]
    public async Task Every_resource_is_running_and_healthy(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var state = await FleetUnderTest.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);

        Assert.That(state.Snapshot.HealthStatus, Is.EqualTo(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy));
        Assert.That(state.Snapshot.State?.Text, Is.EqualTo(KnownResourceStates.Running));
    }
}
