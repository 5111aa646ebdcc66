namespace Commerce.Bidding.Simulation;

/// <summary>
/// The ceiling: the best score any bidder could have had on a logged day, knowing every least-winning cost in advance.
/// The LP relaxation of choosing, per opportunity, a slot or nothing under the budget is a fractional multiple-choice
/// knapsack: per opportunity the upper hull of (cost, value) options gives increments of falling efficiency, and
/// taking increments by efficiency, highest first, gives the most conversions for any spend. The score is then
/// maximised over how far along that order to go (the CPA penalty can make stopping early better).
/// </summary>
public static class HindsightOptimum
{
    public static DayResult Solve(TrafficLog log, DayBrief brief, double[] slotFactors)
    {
        var costs = new List<double>(log.Count * log.Slots);
        var values = new List<double>(log.Count * log.Slots);
        Span<double> optionCost = stackalloc double[log.Slots];
        Span<double> optionValue = stackalloc double[log.Slots];
        for (var i = 0; i < log.Count; i++)
        {
            // Options from the cheapest (lowest) slot up; keep the concave hull from (0, 0).
            var m = 0;
            for (var s = log.Slots - 1; s >= 0; s--)
            {
                optionCost[m] = Math.Max(log.Cost(i, s), AuctionSimulator.ReservePrice);
                optionValue[m] = log.ConversionRate[i] * slotFactors[s];
                m++;
            }

            double c0 = 0, v0 = 0;
            var taken = 0;
            while (taken < m)
            {
                // Next hull point: the option of highest incremental efficiency from the current point.
                var best = -1;
                var bestEfficiency = 0.0;
                for (var o = taken; o < m; o++)
                {
                    var dc = optionCost[o] - c0;
                    var dv = optionValue[o] - v0;
                    if (dv <= 0) continue;
                    var e = dc <= 0 ? double.PositiveInfinity : dv / dc;
                    if (best < 0 || e > bestEfficiency) { best = o; bestEfficiency = e; }
                }

                if (best < 0) break;
                costs.Add(Math.Max(optionCost[best] - c0, 1e-12));
                values.Add(optionValue[best] - v0);
                c0 = optionCost[best];
                v0 = optionValue[best];
                taken = best + 1;
            }
        }

        var order = Enumerable.Range(0, costs.Count).ToArray();
        var efficiency = order.Select(k => -values[k] / costs[k]).ToArray();
        Array.Sort(efficiency, order);

        double spend = 0, conversions = 0;
        var ceiling = new DayResult("hindsight optimum", brief.Budget, brief.TargetCpa, 0, 0, 0);
        foreach (var k in order)
        {
            var fraction = Math.Min(1, (brief.Budget - spend) / costs[k]);
            if (fraction <= 0) break;
            spend += fraction * costs[k];
            conversions += fraction * values[k];
            var candidate = ceiling with { Spend = spend, Conversions = conversions };
            if (candidate.Score > ceiling.Score) ceiling = candidate;
            if (fraction < 1) break;
        }

        return ceiling;
    }
}
