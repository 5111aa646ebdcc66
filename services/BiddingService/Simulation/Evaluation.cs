namespace Commerce.Bidding.Simulation;

/// <summary>
/// Runs every policy over a profile's days for each of its campaigns. Day 0 is a warm-up (a campaign's first day,
/// which gives the automatic bidder its yesterday); the later days are scored against the hindsight optimum.
/// The campaign's budget is its share of what bidding the target-CPA value truthfully spends on the profile's mean day.
/// </summary>
public static class Evaluation
{
    public static IReadOnlyList<EvaluationRow> Run(TrafficProfile profile, IReadOnlyList<TrafficLog> days, Func<IBidPolicy>[] policies)
    {
        var rows = new List<EvaluationRow>();
        foreach (var campaign in profile.Campaigns)
        {
            var truthful = days.Average(day => AuctionSimulator.RunDay(day, new TargetCpaBidPolicy(),
                new DayBrief(double.MaxValue, campaign.TargetCpa, profile.MeanConversionRate), profile.SlotFactors).Spend);
            var brief = new DayBrief(Math.Round(truthful * campaign.BudgetShare, 2), campaign.TargetCpa, profile.MeanConversionRate);
            var optimum = days.Select(day => HindsightOptimum.Solve(day, brief, profile.SlotFactors)).ToArray();
            foreach (var create in policies)
            {
                var policy = create();
                for (var d = 0; d < days.Count; d++)
                {
                    var result = AuctionSimulator.RunDay(days[d], policy, brief, profile.SlotFactors);
                    rows.Add(new EvaluationRow(profile.Name, campaign.Name, d, result, optimum[d]));
                }
            }
        }

        return rows;
    }
}

public sealed record EvaluationRow(string Profile, string Campaign, int Day, DayResult Result, DayResult Optimum)
{
    public double ScoreRatio => Optimum.Score > 0 ? Result.Score / Optimum.Score : 0;

    public double CpaRatio => Result.Cpa / Result.TargetCpa;
}
