using Commerce.Bidding.Domain;

namespace Commerce.Bidding.Simulation;

/// <summary>
/// Generates a profile's logged days, deterministically from its seed, in the spirit of AuctionNet: many competing
/// agents bid on each opportunity (a shared quality drives every agent's value, each adds its own noise), agents
/// have daily budgets and leave the auction when spent out, and what is logged for the evaluated campaign is its own
/// conversion probability and the least-winning cost of each slot.
/// </summary>
public static class TrafficGenerator
{
    /// <summary>Competitors bid roughly this many currency units per expected conversion.</summary>
    private const double CompetitorCpa = 50;

    /// <summary>Chance that a given competitor takes part in a given auction (targeting).</summary>
    private const double Participation = 0.3;

    public static IReadOnlyList<TrafficLog> Generate(TrafficProfile profile)
    {
        if (profile.Volume.Length != PacingController.IntervalsPerDay || profile.Competition.Length != PacingController.IntervalsPerDay)
        {
            throw new InvalidDataException($"profile {profile.Name}: volume and competition need {PacingController.IntervalsPerDay} values");
        }

        var random = new Random(profile.Seed);
        var scales = new double[profile.Competitors];
        for (var j = 0; j < scales.Length; j++) scales[j] = Math.Exp(0.35 * Normal(random));
        var days = new List<TrafficLog>(profile.Days);
        for (var d = 0; d < profile.Days; d++) days.Add(GenerateDay(profile, random, scales));
        return days;
    }

    private static TrafficLog GenerateDay(TrafficProfile profile, Random random, double[] scales)
    {
        const int intervals = PacingController.IntervalsPerDay;
        var volume = (double[])profile.Volume.Clone();
        for (var s = 0; s < profile.SpikesPerDay; s++) volume[random.Next(intervals)] *= profile.SpikeFactor;
        var totalVolume = volume.Sum();
        var counts = new int[intervals];
        for (var t = 0; t < intervals; t++)
        {
            counts[t] = (int)Math.Round(profile.OpportunitiesPerDay * volume[t] / totalVolume * Math.Exp(0.1 * Normal(random)));
        }

        var n = counts.Sum();
        var interval = new int[n];
        var rate = new double[n];
        var bids = new double[n * profile.Competitors];
        var k = 0;
        for (var t = 0; t < intervals; t++)
        {
            for (var c = 0; c < counts[t]; c++, k++)
            {
                interval[k] = t;
                var quality = Normal(random);
                rate[k] = Math.Min(1, profile.MeanConversionRate * Math.Exp(0.5 * quality + 0.5 * Normal(random) - 0.25));
                for (var j = 0; j < profile.Competitors; j++)
                {
                    if (random.NextDouble() >= Participation) continue;
                    var value = profile.MeanConversionRate * Math.Exp(0.5 * quality + 0.45 * Normal(random) - 0.226);
                    bids[k * profile.Competitors + j] = CompetitorCpa * scales[j] * profile.Competition[t] * value;
                }
            }
        }

        // Competitors' budgets: a share of what each would spend unconstrained (winner pays the second-highest bid).
        var unconstrained = RunCompetitorAuction(bids, n, profile.Competitors, budgets: null, costs: null, profile.Slots);
        var budgets = unconstrained.Select(s => s * profile.CompetitorBudgetShare).ToArray();
        var costs = new double[n * profile.Slots];
        RunCompetitorAuction(bids, n, profile.Competitors, budgets, costs, profile.Slots);
        return new TrafficLog(interval, rate, costs, profile.Slots);
    }

    /// <summary>
    /// Runs the competitors' own auctions through the day; returns each one's spend and fills <paramref name="costs"/>
    /// with the highest bids of the agents still in budget (what the evaluated campaign must beat per slot).
    /// </summary>
    private static double[] RunCompetitorAuction(double[] bids, int n, int competitors, double[]? budgets, double[]? costs, int slots)
    {
        var spend = new double[competitors];
        Span<double> top = stackalloc double[slots + 1];
        Span<int> who = stackalloc int[slots + 1];
        for (var i = 0; i < n; i++)
        {
            top.Clear();
            who.Fill(-1);
            for (var j = 0; j < competitors; j++)
            {
                var bid = bids[i * competitors + j];
                if (bid <= 0 || (budgets is not null && spend[j] + bid > budgets[j])) continue;
                // Insert into the sorted top list (slots + 1 entries: the last prices the last slot).
                for (var s = 0; s <= slots; s++)
                {
                    if (bid <= top[s]) continue;
                    for (var m = slots; m > s; m--) { top[m] = top[m - 1]; who[m] = who[m - 1]; }
                    top[s] = bid;
                    who[s] = j;
                    break;
                }
            }

            // GSP among competitors: the agent in slot s pays the bid of slot s + 1.
            for (var s = 0; s < slots; s++)
            {
                if (who[s] >= 0) spend[who[s]] += top[s + 1];
            }

            if (costs is not null)
            {
                for (var s = 0; s < slots; s++) costs[i * slots + s] = top[s];
            }
        }

        return spend;
    }

    private static double Normal(Random random)
    {
        // Box-Muller: System.Random with a seed is stable across runtimes, and so is this.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
