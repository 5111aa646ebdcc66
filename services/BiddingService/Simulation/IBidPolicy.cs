namespace Commerce.Bidding.Simulation;

/// <summary>A bidding strategy the simulator evaluates: asked for a bid per opportunity, told what happened per interval.</summary>
public interface IBidPolicy
{
    string Name { get; }

    void BeginDay(DayBrief day);

    /// <summary>The bid for an impression worth <paramref name="goalValue"/> (conversion probability x target CPA).</summary>
    double Bid(double goalValue);

    /// <summary>The last bid won an impression worth <paramref name="goalValue"/> at <paramref name="price"/> (a win notice).</summary>
    void Won(double goalValue, double price) { }

    void EndInterval(IntervalReport report);
}

public sealed record DayBrief(double Budget, double TargetCpa, double MeanConversionRate);

/// <summary>
/// What a bidder learns after an interval. <see cref="Log"/> with the interval's range is the market history
/// (least-winning costs of every opportunity, as AuctionNet gives its agents); only the online LP baseline reads it.
/// </summary>
public sealed record IntervalReport(
    int Interval, double Spend, long Opportunities, double SpentToday, double GoalValueToday, TrafficLog Log, int HistoryEnd);
