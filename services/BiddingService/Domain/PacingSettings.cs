namespace Commerce.Bidding.Domain;

/// <summary>Tuning of the <see cref="PacingController"/>; the defaults were chosen on tuning seeds (ControllerTuning), not the held-out profiles.</summary>
public sealed record PacingSettings
{
    /// <summary>Multiplier of a campaign's first day: bid exactly the target-CPA value of the impression.</summary>
    public double ColdStartMultiplier { get; init; } = 1.0;

    public double MinMultiplier { get; init; } = 0.02;

    /// <summary>Bid cap relative to the target-CPA value: never more than this many times what an impression is worth.</summary>
    public double MaxMultiplier { get; init; } = 3.0;

    /// <summary>Step of the first day's dual descent (log multiplier per log of planned/actual spend).</summary>
    public double LearningRate { get; init; } = 0.4;

    /// <summary>Faster learning while a cold-started campaign finds its level.</summary>
    public double ColdStartLearningRate { get; init; } = 0.6;

    public int ColdStartIntervals { get; init; } = 8;

    /// <summary>Largest change of the log multiplier in one interval.</summary>
    public double MaxStep { get; init; } = 0.5;

    /// <summary>Added to planned and actual spend (as a share of a flat interval's budget) so empty intervals do not explode the ratio.</summary>
    public double SpendFloorShare { get; init; } = 0.2;

    /// <summary>Weight of a flat curve blended into yesterday's traffic curve.</summary>
    public double FlatForecastWeight { get; init; } = 0.2;

    /// <summary>
    /// Share of the day's remaining traffic the first day's plan leaves as a margin, so the budget is spent by then. 0:
    /// the cold start spreads its budget over the whole day, so that tomorrow's capacity forecast has a record of every
    /// hour (an hour after the budget ran out borrows its neighbour's, often far off when the market thins out late).
    /// </summary>
    public double FinishAheadShare { get; init; } = 0;

    /// <summary>How much faster the controller reacts at the day's end than at its start (1 + boost times).</summary>
    public double LateBoost { get; init; } = 4;

    /// <summary>Exponent of the warm start's correction for yesterday's unspent share.</summary>
    public double UnderspendCorrection { get; init; } = 0.5;

    /// <summary>Highest elasticity of spend to the multiplier assumed above the multiplier yesterday bid with.</summary>
    public double MaxElasticity { get; init; } = 3.0;

    /// <summary>The elasticity is measured between yesterday's multiplier and that multiplier divided by this.</summary>
    public double ElasticityProbe { get; init; } = 1.3;

    /// <summary>Weight, as a share of the day's forecast capacity, of the forecast against today's observed spend when scaling what is left.</summary>
    public double CapacityPriorShare { get; init; } = 0.3;

    /// <summary>The capacity follower aims at the budget left times (1 + this + the early margin): unspent budget is lost, overspend is impossible.</summary>
    public double SpendAheadShare { get; init; } = 0.1;

    /// <summary>Further margin over the budget left, scaled by the share of the day's forecast market still ahead.</summary>
    public double EarlySpendAheadShare { get; init; } = 0.5;

    /// <summary>Days of market records the capacity forecast plans on, each interval on the leanest (1 or 2).</summary>
    public int MarketDays { get; init; } = 2;

    /// <summary>Share of the way (in log space) the multiplier moves towards the capacity forecast's multiplier per interval.</summary>
    public double CapacityTracking { get; init; } = 1.0;

    /// <summary>Intervals on each side averaged into yesterday's spend per opportunity.</summary>
    public int CapacitySmoothing { get; init; } = 2;

    /// <summary>An interval more than this many times its neighbours' median volume is a spike, not a pattern.</summary>
    public double SpikeRatio { get; init; } = 1.8;

    /// <summary>Intervals that ended with less than this share of the budget left (bids cut by the budget) do not measure the market.</summary>
    public double ExhaustedShare { get; init; } = 0.02;

    /// <summary>An interval bid at less than this share of the day's mean multiplier keeps an earlier day's market record.</summary>
    public double MeasuredMultiplierShare { get; init; } = 0.6;

    /// <summary>Highest actual/target cost ratio tolerated before the multiplier is pulled down.</summary>
    public double CostRatioLimit { get; init; } = 0.99;

    /// <summary>Exponent of the pull-down when the cost ratio passes its limit.</summary>
    public double GoalCorrection { get; init; } = 1.5;

    /// <summary>Added to the early margin on the first warm day, which plans on the cold start's record alone.</summary>
    public double FirstWarmDayAheadShare { get; init; } = 0.5;
}
