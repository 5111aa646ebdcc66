using System.Collections.Concurrent;
using System.Diagnostics;
using Commerce.IntegrationEvents.V1;
using Commerce.LoadTests;
using Commerce.Protos.Onboarding.V1;

namespace Commerce.Fleet.Tests;

/// <summary>
/// Many merchants sign up at once through the gateway; the saga takes each to its trial store, and the transitions cross
/// the real broker. The test asserts that every application arrives exactly once; the throughput it prints is the
/// figure the onboarding README records (a measurement, not an assertion).
/// </summary>
public sealed class OnboardingSagaThroughputTests
{
    private const int Applications = 300;
    private const int ConcurrentApplicants = 16;

    [Test]
    public async Task Every_application_of_a_burst_reaches_its_trial_store_once_over_the_broker()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var tap = await BrokerTap<MerchantOnboardingChanged>.StartAsync(timeout.Token);
        using var channel = FleetUnderTest.GatewayChannel();
        var onboarding = new MerchantOnboardingService.MerchantOnboardingServiceClient(channel);

        // One licence block per run, so a burst never collides with another test's licences (a reused one is Rejected).
        var licenceBase = Random.Shared.Next(1, 99_000_000 / Applications) * Applications;
        var verifiedAt = new ConcurrentDictionary<string, DateTime>();
        var clock = Stopwatch.StartNew();
        var startedAtUtc = DateTime.UtcNow;
        await Parallel.ForAsync(0, Applications,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentApplicants, CancellationToken = timeout.Token },
            async (i, _) =>
            {
                var (_, application) = await MerchantSignUp.ApplyAndVerifyAsync(onboarding, FleetUnderTest.Tokens, $"Burst {i} {Guid.NewGuid():N}"[..24], licenceBase + i);
                verifiedAt[application.MerchantId] = DateTime.UtcNow;
            });
        var callsDone = clock.Elapsed;

        List<(MerchantOnboardingChanged Message, DateTime ReceivedAtUtc)> ours = [];
        await TestSupport.Eventually.ThatAsync(() =>
        {
            ours = tap.Received.Where(r => verifiedAt.ContainsKey(r.Message.MerchantId)).ToList();
            var trials = ours.Where(r => r.Message.ToState == "Trial").Select(r => r.Message.MerchantId).Distinct().Count();
            return Task.FromResult(trials == Applications ? (object)trials : null);
        }, TimeSpan.FromMinutes(3), $"{Applications} trial stores announced on the broker");

        var trialEvents = ours.Where(r => r.Message.ToState == "Trial").ToList();
        var transitionsPerMerchant = trialEvents.GroupBy(r => r.Message.MerchantId).ToDictionary(g => g.Key, g => g.Select(r => r.Message.EventId).Distinct().Count());
        Assert.That(transitionsPerMerchant.Values.Where(n => n > 1), Is.Empty, "a merchant's trial store was opened twice");
        Assert.That(ours.Where(r => r.Message.ToState is "Rejected" or "Expired"), Is.Empty, "well-formed applications with fresh licences must pass");

        var lastTrial = trialEvents.Max(r => r.ReceivedAtUtc);
        var latencies = trialEvents.GroupBy(r => r.Message.MerchantId)
            .Select(g => (g.Min(r => r.ReceivedAtUtc) - verifiedAt[g.Key]).TotalMilliseconds).Order().ToArray();
        var throughput = Applications / (lastTrial - startedAtUtc).TotalSeconds;
        TestContext.Out.WriteLine(
            $"saga: {Applications} applications by {ConcurrentApplicants} callers; calls done in {callsDone.TotalSeconds:0.0} s; " +
            $"all {Applications} Trial events received after {(lastTrial - startedAtUtc).TotalSeconds:0.0} s = {throughput:0.0} applications/s; " +
            $"verified->Trial event p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms; " +
            $"Trial events received {trialEvents.Count} (redeliveries of one EventId {trialEvents.Count - transitionsPerMerchant.Values.Sum()})");
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
