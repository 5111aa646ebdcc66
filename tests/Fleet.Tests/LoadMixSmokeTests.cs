using Aspire.Hosting.Testing;
using Commerce.LoadTests;

namespace Commerce.Fleet.Tests;

/// <summary>
/// The load generator's traffic mix, briefly, against the fleet started for this assembly: every call a real caller
/// makes through the gateway must succeed. It checks the mix and the fleet together (tokens, roles, the world set-up
/// over the broker), not speed: there is no timing threshold.
/// </summary>
public sealed class LoadMixSmokeTests
{
    private const int Callers = 6;
    private const long Calls = 300;

    [Test]
    public async Task A_short_closed_loop_run_of_the_mix_through_the_gateway_has_no_errors_and_exercises_every_rpc()
    {
        await RunAndCheckAsync();
    }

    [Test]
    public async Task The_overhead_run_answers_the_same_calls_direct_and_through_the_gateway()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var gateway = FleetUnderTest.GatewayChannel();
        using var reco = Grpc.Net.Client.GrpcChannel.ForAddress(FleetUnderTest.App.GetEndpoint("reco", "grpc"));
        using var bidding = Grpc.Net.Client.GrpcChannel.ForAddress(FleetUnderTest.App.GetEndpoint("bidding", "grpc"));
        var world = await LoadWorld.SetUpAsync(gateway, FleetUnderTest.Tokens, merchants: 1, timeout.Token);
        var mix = GatewayOverhead.Create(gateway, reco, bidding, FleetUnderTest.Tokens, world, buyers: 10);
        var recorder = new LatencyRecorder();
        var driver = new LoadDriver(mix, recorder, seed: 7);
        var started = DateTime.UtcNow;

        await driver.RunEveryCallOnceAsync(timeout.Token);
        await driver.RunClosedLoopAsync(Callers, TimeSpan.FromMinutes(3), Calls, timeout.Token);

        var figures = recorder.Figures(DateTime.UtcNow - started);
        var ratios = GatewayOverhead.Ratios(figures);
        // Printed for the reader; a figure of the test's machine and moment, never asserted.
        TestContext.Out.WriteLine(GatewayOverhead.ToMarkdown(ratios));
        Assert.Multiple(() =>
        {
            Assert.That(figures.Where(f => f.Errors > 0).Select(f => $"{f.Rpc}: {string.Join("; ", f.FirstErrors.Select(e => $"{e.Key} {e.Value}"))}"), Is.Empty);
            Assert.That(ratios.Select(r => r.Rpc), Is.EquivalentTo(new[] { "reco.GetRecommendations/Mall", "bidding.Bid" }), "both RPCs ran on both paths");
        });
    }

    private static async Task RunAndCheckAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        using var channel = FleetUnderTest.GatewayChannel();
        var world = await LoadWorld.SetUpAsync(channel, FleetUnderTest.Tokens, merchants: 2, timeout.Token);
        var mix = TrafficMix.Create(channel, FleetUnderTest.Tokens, world, buyers: 20, auctionCallers: 2);
        var recorder = new LatencyRecorder();
        var driver = new LoadDriver(mix, recorder, seed: 42);
        var started = DateTime.UtcNow;

        // Once each first, so the rarest calls of the mix are exercised however the few hundred random picks fall.
        await driver.RunEveryCallOnceAsync(timeout.Token);
        await driver.RunClosedLoopAsync(Callers, TimeSpan.FromMinutes(5), Calls, timeout.Token);

        var figures = recorder.Figures(DateTime.UtcNow - started);
        var report = new LoadReport($"closed loop with {Callers} callers, {Calls} calls", "Fleet.Tests gateway", 42, started, (DateTime.UtcNow - started).TotalSeconds,
            LoadReport.DescribeMachine(), figures).ToMarkdown();
        TestContext.Out.WriteLine(report);
        Assert.Multiple(() =>
        {
            Assert.That(figures.Select(f => f.Rpc), Is.EquivalentTo(mix.Select(c => c.Rpc)), "every RPC of the mix was called");
            Assert.That(figures.Sum(f => f.Calls), Is.GreaterThanOrEqualTo(Calls), "the run made its calls");
            Assert.That(figures.Where(f => f.Errors > 0).Select(f => $"{f.Rpc}: {string.Join("; ", f.FirstErrors.Select(e => $"{e.Key} {e.Value}"))}"),
                Is.Empty, report);
        });
    }
}
