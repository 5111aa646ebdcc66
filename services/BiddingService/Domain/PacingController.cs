namespace Commerce.Bidding.Domain;

/// <summary>
/// Steers one campaign's bid multiplier through the budget day's 48 intervals (uniform bid scaling: bid = multiplier x
/// predicted value, which is optimal for truthful auctions when the multiplier is the right constant). After each
/// interval it compares what was spent with what the plan allowed and moves the multiplier in log space (online dual
/// descent on the budget constraint), then caps it so that the cumulative cost per conversion stays at the target.
/// The plan spreads the remaining budget over the remaining traffic, not the remaining time: a traffic spike gets a
/// bigger share, so the multiplier need not jump. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class PacingController
{
    public const int IntervalsPerDay = 48;

    private readonly PacingSettings _settings;
    private readonly double _budget;
    private readonly double[] _forecast;
    private double _observedVolume;
    private double _forecastVolumeSeen;
    private double _weightedMultiplier;
    private double _weightedSpend;

    /// <param name="budget">The day's budget.</param>
    /// <param name="initialMultiplier">Yesterday's spend-weighted multiplier (warm start), or null for a cold start.</param>
    /// <param name="volumeForecast">Expected opportunities per interval (yesterday's counts), or null for a flat day.</param>
    public PacingController(PacingSettings settings, double budget, double? initialMultiplier, IReadOnlyList<double>? volumeForecast)
    {
        _settings = settings;
        _budget = budget;
        IsColdStart = initialMultiplier is null;
        Multiplier = Math.Clamp(initialMultiplier ?? settings.ColdStartMultiplier, settings.MinMultiplier, settings.MaxMultiplier);
        _forecast = new double[IntervalsPerDay];
        var total = volumeForecast?.Sum() ?? 0;
        for (var i = 0; i < IntervalsPerDay; i++)
        {
            // Blend yesterday's curve with a flat one: a day never repeats exactly and an empty interval yesterday
            // must not starve the same interval today.
            var share = total > 0 && volumeForecast!.Count == IntervalsPerDay ? volumeForecast[i] / total : 1.0 / IntervalsPerDay;
            _forecast[i] = (1 - settings.FlatForecastWeight) * share + settings.FlatForecastWeight / IntervalsPerDay;
        }
    }

    public double Multiplier { get; private set; }

    public bool IsColdStart { get; }

    /// <summary>The day's spend-weighted mean multiplier: tomorrow's warm start.</summary>
    public double MeanMultiplier => _weightedSpend > 0 ? _weightedMultiplier / _weightedSpend : Multiplier;

    /// <summary>Tomorrow's warm start: today's mean multiplier, raised when today left budget unspent.</summary>
    public double NextDayMultiplier
    {
        get
        {
            var use = _budget > 0 ? Math.Clamp(_weightedSpend / _budget, 0.25, 1) : 1;
            return Math.Clamp(MeanMultiplier * Math.Pow(1 / use, _settings.UnderspendCorrection), _settings.MinMultiplier, _settings.MaxMultiplier);
        }
    }

    /// <summary>Closes interval <paramref name="interval"/> with what happened in it and the day's totals after it.</summary>
    /// <param name="spend">Spent in this interval.</param>
    /// <param name="opportunities">Opportunities this campaign was a candidate for in this interval.</param>
    /// <param name="spentToday">Spent today, this interval included.</param>
    /// <param name="goalValueToday">Value won today in money at the goal (conversions x target CPA, or GMV / target ROI).</param>
    public void CloseInterval(int interval, double spend, long opportunities, double spentToday, double goalValueToday)
    {
        if (interval is < 0 or >= IntervalsPerDay) throw new ArgumentOutOfRangeException(nameof(interval));
        _weightedMultiplier += Multiplier * spend;
        _weightedSpend += spend;

        _observedVolume += opportunities;
        _forecastVolumeSeen += _forecast[interval];
        var remainingBefore = Math.Max(0, _budget - (spentToday - spend));
        var forecastAfter = 0.0;
        for (var i = interval + 1; i < IntervalsPerDay; i++) forecastAfter += _forecast[i];
        // Today's volume relative to the forecast so far scales the forecast of what is left.
        var scale = _forecastVolumeSeen > 0 ? _observedVolume / _forecastVolumeSeen : 0;
        // Aim to finish a little ahead of the day's end: an unspent budget is lost, while finishing early costs only
        // the last few opportunities (the bid is capped at what is left, so it never overspends).
        var expectedAfter = scale * forecastAfter * (1 - _settings.FinishAheadShare);
        var planned = opportunities + expectedAfter > 0 ? remainingBefore * opportunities / (opportunities + expectedAfter) : 0;

        if (planned > 0 && interval < IntervalsPerDay - 1)
        {
            var floor = _settings.SpendFloorShare * _budget / IntervalsPerDay;
            var error = Math.Log((planned + floor) / (spend + floor));
            var rate = IsColdStart && interval < _settings.ColdStartIntervals ? _settings.ColdStartLearningRate : _settings.LearningRate;
            // Late in the day a shortfall can no longer be spread: react faster as the day runs out.
            rate *= 1 + _settings.LateBoost * interval / (IntervalsPerDay - 1);
            Multiplier *= Math.Exp(Math.Clamp(rate * error, -_settings.MaxStep, _settings.MaxStep));
        }

        // The goal: cost per unit of goal value (actual CPA / target CPA) must not pass 1 over the day.
        if (goalValueToday > 0 && spentToday > 0)
        {
            var costRatio = spentToday / goalValueToday;
            if (costRatio > _settings.CostRatioLimit)
            {
                Multiplier *= Math.Pow(_settings.CostRatioLimit / costRatio, _settings.GoalCorrection);
            }
        }

        Multiplier = Math.Clamp(Multiplier, _settings.MinMultiplier, _settings.MaxMultiplier);
    }
}
