using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Diagnostics;
using Commerce.Protos.Bidding.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Fleet.Tests;

/// <summary>
/// A service process is killed: callers through the gateway hear Unavailable (something to retry) within their deadline,
/// not a call that hangs; when the service is started again, the same gateway reaches it with no restart of anything
/// else, and the service's store (same data folder) is still there.
/// </summary>
public sealed class ServiceKilledTests
{
    [Test]
    public async Task With_bidding_killed_the_gateway_answers_Unavailable_and_recovers_when_it_is_started_again()
    {
        using var channel = FleetUnderTest.GatewayChannel();
        var bidding = new BiddingService.BiddingServiceClient(channel);
        var owner = await FleetMerchant.OpenTrialStoreAsync($"Killed Stall {Guid.NewGuid():N}"[..24]);
        var product = await owner.ListProductAsync($"Linen shirt for the outage {Guid.NewGuid():N}"[..34], "Women's Clothing", "Dresses", "Midi Dresses");
        var merchant = owner.Headers;
        Task<ListCampaignsResponse> List() =>
            bidding.ListCampaignsAsync(new ListCampaignsRequest(), merchant, DateTime.UtcNow.AddSeconds(5)).ResponseAsync;
        // Acknowledged before the kill: it must be there after the restart (the store is durable, not a cache).
        var campaign = await Eventually.ThatAsync(async () =>
        {
            try
            {
                return (await bidding.CreateCampaignAsync(new CreateCampaignRequest
                {
                    RequestId = Guid.NewGuid().ToString("N"), Name = "Outage campaign",
                    Target = new PromotedTarget { Kind = TargetKind.Product, TargetId = product.ProductId },
                    DailyBudget = new Commerce.Protos.Type.V1.Money { CurrencyCode = "CNY", Units = 500 },
                    Goal = new CampaignGoal { TargetCpa = new Commerce.Protos.Type.V1.Money { CurrencyCode = "CNY", Units = 40 } },
                }, merchant, DateTime.UtcNow.AddSeconds(10))).Campaign;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition) { return null; }
        }, TimeSpan.FromSeconds(60), "bidding accepts a campaign for the new product");

        var killed = KillProcessesOf("bidding");
        Assert.That(killed, Is.GreaterThan(0), "no bidding process of this fleet was found");
        try
        {
            // A call racing the kill may still wait for its deadline; DeadlineExceeded means "not refused yet".
            var refused = await Eventually.ThatAsync<RpcException>(async () =>
            {
                try
                {
                    await List();
                    return null;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded) { return null; }
                catch (RpcException ex) { return ex; }
            }, TimeSpan.FromSeconds(60), "the gateway refuses calls to the killed service");
            Assert.That(refused.StatusCode, Is.EqualTo(StatusCode.Unavailable), refused.Status.Detail);
        }
        finally
        {
            var started = await FleetUnderTest.App.ResourceCommands.ExecuteCommandAsync("bidding", KnownResourceCommands.StartCommand);
            Assert.That(started.Success, Is.True, started.Message);
        }

        await FleetUnderTest.App.ResourceNotifications.WaitForResourceHealthyAsync("bidding");
        var back = await Eventually.ThatAsync(async () =>
        {
            try { return await List(); }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded) { return null; }
        }, TimeSpan.FromSeconds(60), "bidding answers through the gateway again");
        Assert.That(back.Campaigns.Select(c => c.CampaignId), Is.EqualTo(new[] { campaign.CampaignId }));
    }

    /// <summary>SIGKILL to the processes whose store is this fleet's folder of <paramref name="service"/> (never another fleet's).</summary>
    private static int KillProcessesOf(string service)
    {
        var marker = $"Storage__DataDir={Path.Combine(FleetUnderTest.DataDir, service)}\0";
        var killed = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string environment;
            try { environment = File.ReadAllText(Path.Combine(dir, "environ")); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            if (!environment.Contains(marker, StringComparison.Ordinal)) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                killed++;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException) { /* already gone */ }
        }

        return killed;
    }
}
