using Commerce.Bidding.Domain;

namespace Commerce.Bidding.Simulation;

/// <summary>
/// Replays one logged day against a bidding policy: per opportunity the policy bids, the bid is capped at the budget
/// left (as the service does), the auction is second price (one slot) or GSP (several: a bid beating the least-winning
/// cost of slot s gets the highest such slot and pays that cost), and the impression's value is its conversion
/// probability times the slot's exposure factor. Conversions are counted in expectation, so a day's score has no
/// sampling noise.
/// </summary>
public static class AuctionSimulator
{
    /// <summary>Reserve price of the platform: the least anyone pays.</summary>
    public const double ReservePrice = 0.01;

    public static DayResult RunDay(TrafficLog log, IBidPolicy policy, DayBrief brief, double[] slotFactors)
    {
        policy.BeginDay(brief);
        double spent = 0, conversions = 0;
        long wins = 0;
        for (var t = 0; t < PacingController.IntervalsPerDay; t++)
        {
            var start = log.IntervalStart[t];
            var end = log.IntervalStart[t + 1];
            var intervalSpend = 0.0;
            for (var i = start; i < end; i++)
            {
                var rate = log.ConversionRate[i];
                var bid = Math.Min(policy.Bid(rate * brief.TargetCpa), brief.Budget - spent);
                if (!TryWin(log, i, bid, slotFactors, out var price, out var factor)) continue;
                policy.Won(rate * brief.TargetCpa, price);
                spent += price;
                intervalSpend += price;
                conversions += rate * factor;
                wins++;
            }

            policy.EndInterval(new IntervalReport(t, intervalSpend, end - start, spent, conversions * brief.TargetCpa, log, end));
        }

        return new DayResult(policy.Name, brief.Budget, brief.TargetCpa, spent, conversions, wins);
    }

    /// <summary>The auction's outcome for a bid: the slot won (its exposure factor) and the price paid.</summary>
    public static bool TryWin(TrafficLog log, int opportunity, double bid, double[] slotFactors, out double price, out double factor)
    {
        for (var s = 0; s < log.Slots; s++)
        {
            var cost = Math.Max(log.Cost(opportunity, s), ReservePrice);
            if (bid < cost) continue;
            price = cost;
            factor = slotFactors[s];
            return true;
        }

        price = 0;
        factor = 0;
        return false;
    }
}

/// <summary>One campaign's day: spend, expected conversions and the competition's score.</summary>
public sealed record DayResult(string Policy, double Budget, double TargetCpa, double Spend, double Conversions, long Wins)
{
    public double Cpa => Conversions > 0 ? Spend / Conversions : double.PositiveInfinity;

    /// <summary>The AuctionNet score: conversions x min(1, (target CPA / actual CPA)^2).</summary>
    public double Score => Conversions <= 0 ? 0 : Conversions * Math.Min(1, Math.Pow(TargetCpa / Cpa, 2));

    public double BudgetUse => Spend / Budget;
}
