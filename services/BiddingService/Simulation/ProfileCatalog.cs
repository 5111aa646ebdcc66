using Commerce.Bidding.Domain;

namespace Commerce.Bidding.Simulation;

/// <summary>
/// The generator of the held-out profile files (tests/BiddingService.Tests/Profiles): four day shapes with their seeds.
/// The controller was tuned on other seeds (<see cref="Build"/> with <c>seedOffset</c>), never on these.
/// </summary>
public static class ProfileCatalog
{
    private const int N = PacingController.IntervalsPerDay;

    public static IReadOnlyList<TrafficProfile> Build(int seedOffset = 0)
    {
        SimulatedCampaign[] campaigns =
        [
            new() { Name = "tight budget", TargetCpa = 100, BudgetShare = 0.4 },
            new() { Name = "ample budget", TargetCpa = 80, BudgetShare = 0.75 },
        ];
        // A diurnal curve: quiet at night, an evening peak (live-commerce prime time).
        var diurnal = Curve(t => 0.4 + 0.6 * Math.Pow(Math.Sin(Math.PI * t / N), 2) + 0.5 * Math.Exp(-Math.Pow((t - 40) / 4.0, 2)));
        var flat = Curve(_ => 1);
        return
        [
            new TrafficProfile { Name = "steady", Seed = 1101 + seedOffset, Volume = diurnal, Competition = flat, Campaigns = campaigns },
            new TrafficProfile
            {
                Name = "spiky", Seed = 2203 + seedOffset, Volume = diurnal, Competition = flat, SpikesPerDay = 4, SpikeFactor = 4,
                Campaigns = campaigns,
            },
            new TrafficProfile
            {
                Name = "declining", Seed = 3307 + seedOffset, Volume = Curve(t => 2.0 - 1.7 * t / (N - 1)), Competition = flat,
                Campaigns = campaigns,
            },
            new TrafficProfile
            {
                Name = "shifting competition (GSP, 3 slots)", Seed = 4409 + seedOffset, Volume = diurnal,
                Competition = Curve(t => t < 16 ? 0.7 : t < 32 ? 1.5 : 0.9), Slots = 3, SlotFactors = [1.0, 0.7, 0.5],
                Campaigns = campaigns,
            },
        ];
    }

    /// <summary>The profile with its generated opportunities' fingerprint filled in.</summary>
    public static TrafficProfile WithFingerprint(TrafficProfile profile) =>
        profile with { Fingerprint = TrafficLog.Fingerprint(TrafficGenerator.Generate(profile)) };

    public static string FileName(TrafficProfile profile) =>
        new string(profile.Name.TakeWhile(c => c != '(').ToArray()).Trim().Replace(' ', '-') + ".json";

    private static double[] Curve(Func<int, double> shape) =>
        Enumerable.Range(0, N).Select(t => Math.Round(shape(t), 4)).ToArray();
}
