namespace Commerce.Bidding.Domain;

/// <summary>
/// Steers one campaign's bid multiplier through the budget day's 48 intervals (uniform bid scaling: bid = multiplier x
/// predicted value, which is optimal for truthful auctions when the multiplier is the right constant for the whole
/// day). Not thread-safe: the owner serialises calls.
/// <para>
/// With a yesterday (<see cref="PacingDay"/>) it forecasts the market's capacity: for each interval, what it would
/// sell at any multiplier. Every win is recorded by its price-to-value ratio (the lowest multiplier that still wins
/// it), so yesterday's spend at a lower multiplier than the one bid is known exactly; above it, it is extrapolated
/// with the elasticity measured just below it (near zero in the cheap hours when competitors have spent out, where a
/// higher bid buys nothing more). Per opportunity, smoothed over neighbouring intervals, times the traffic expected
/// (yesterday's counts with isolated spikes spread over the day). After each interval it scales the forecast by how
/// today compares so far (shrunk towards the forecast, so one spike does not swing it) and moves the multiplier
/// towards the one whose forecast spend over the intervals left equals the budget left: the constant the hindsight
/// optimum would bid, re-estimated as the day unfolds.
/// </para>
/// <para>
/// A campaign's first day (cold start) has no capacity forecast: online dual descent in log space on a plan that
/// spreads what is left over the traffic expected to be left. Both pull the multiplier down whenever the cumulative
/// cost per unit of goal value passes the target.
/// </para>
/// </summary>
public sealed class PacingController
{
    public const int IntervalsPerDay = 48;

    /// <summary>Price-to-value ratio bins of the win record, log-spaced over the multiplier's range.</summary>
    public const int RatioBins = 64;

    private readonly PacingSettings _settings;
    private readonly double _budget;
    private readonly double[] _forecast;
    private readonly double[] _spend = new double[IntervalsPerDay];
    private readonly long[] _opportunities = new long[IntervalsPerDay];
    private readonly double[] _multipliers = new double[IntervalsPerDay];
    private readonly double[] _winSpend = new double[IntervalsPerDay * RatioBins];
    private readonly double[] _pendingWins = new double[RatioBins];
    private readonly double[] _offeredValue = new double[IntervalsPerDay];
    private readonly double[] _wonValue = new double[IntervalsPerDay];
    private double _pendingOffered, _pendingWon;
    private readonly MarketRecord? _yesterdayMarket;
    private double _observedVolume;
    private double _forecastVolumeSeen;

    // Capacity forecast (warm start whose yesterday spent something).
    private readonly CapacityForecast? _capacity;
    private double _spentSoFar;
    private double _expectedSoFar;
    private readonly double _earlyAhead;

    /// <summary>A cold start: multiplier <see cref="PacingSettings.ColdStartMultiplier"/>, a flat traffic forecast.</summary>
    public PacingController(PacingSettings settings, double budget) : this(settings, budget, yesterday: null) { }

    /// <param name="budget">The day's budget.</param>
    /// <param name="yesterday">What this campaign did yesterday (<see cref="Today"/> of yesterday's controller), or null for a cold start.</param>
    public PacingController(PacingSettings settings, double budget, PacingDay? yesterday)
    {
        _settings = settings;
        _budget = budget;
        IsColdStart = yesterday is null;
        _forecast = VolumeForecast(settings, yesterday);
        Multiplier = settings.ColdStartMultiplier;
        if (yesterday is null) return;

        _yesterdayMarket = yesterday.Market;
        Multiplier = yesterday.NextDayMultiplier(settings);
        var capacity = CapacityForecast.Build(settings, yesterday, _forecast);
        if (capacity is null) return;
        _capacity = capacity;
        // Planning on one day's record alone (the day after the cold start) there is no leaner day to plan on: aim
        // further ahead.
        _earlyAhead = settings.EarlySpendAheadShare + (yesterday.EarlierMarket is null ? settings.FirstWarmDayAheadShare : 0);
        Multiplier = capacity.MultiplierSelling(budget * (1 + settings.SpendAheadShare + _earlyAhead), 0, 1);
    }

    public double Multiplier { get; private set; }

    public bool IsColdStart { get; }

    /// <summary>Whether the multiplier follows a capacity forecast (a warm start whose yesterday won something).</summary>
    public bool ForecastsCapacity => _capacity is not null;

    /// <summary>The capacity forecast's spend over the whole day at a constant <paramref name="multiplier"/> (0 without one); for diagnostics.</summary>
    public double ForecastDaySpend(double multiplier) => _capacity?.Total(multiplier, 0) ?? 0;

    /// <summary>Today so far: tomorrow's yesterday.</summary>
    public PacingDay Today
    {
        get
        {
            // The market record keeps, per interval, the latest day that measured it: an interval after the budget
            // ran out (bids cut, or none) keeps what an earlier day saw at that hour.
            var market = new MarketRecord(new long[IntervalsPerDay], new double[IntervalsPerDay], new double[IntervalsPerDay * RatioBins],
                new double[IntervalsPerDay], new double[IntervalsPerDay]);
            var spent = 0.0;
            var mean = MeanMultiplier;
            for (var i = 0; i < IntervalsPerDay; i++)
            {
                spent += _spend[i];
                // A measurement at a multiplier far below the day's (the budget nearly gone) tells little about what
                // the hour sells at the day's level: an earlier day's record of the hour, if any, is kept instead.
                var measured = _opportunities[i] > 0 && _budget - spent > _settings.ExhaustedShare * _budget
                               && (_multipliers[i] >= _settings.MeasuredMultiplierShare * mean || _yesterdayMarket is not { } m || m.Opportunities[i] == 0);
                var (source, opportunities, multiplier, offered, won) = measured
                    ? (_winSpend, _opportunities[i], _multipliers[i], _offeredValue[i], _wonValue[i])
                    : _yesterdayMarket is { } y ? (y.WinSpendByRatio, y.Opportunities[i], y.Multipliers[i], y.OfferedValue[i], y.WonValue[i]) : (null, 0L, 0.0, 0.0, 0.0);
                if (source is null || opportunities <= 0) continue;
                market.Opportunities[i] = opportunities;
                market.Multipliers[i] = multiplier;
                market.OfferedValue[i] = offered;
                market.WonValue[i] = won;
                Array.Copy(source, i * RatioBins, market.WinSpendByRatio, i * RatioBins, RatioBins);
            }

            return new(_budget, (double[])_spend.Clone(), (long[])_opportunities.Clone(), (double[])_multipliers.Clone(), market)
            {
                EarlierMarket = _yesterdayMarket,
            };
        }
    }

    /// <summary>The day's spend-weighted mean multiplier so far.</summary>
    public double MeanMultiplier
    {
        get
        {
            double weighted = 0, spend = 0;
            for (var i = 0; i < IntervalsPerDay; i++)
            {
                weighted += _spend[i] * _multipliers[i];
                spend += _spend[i];
            }

            return spend > 0 ? weighted / spend : Multiplier;
        }
    }

    /// <summary>Records an opportunity of the interval under way that the campaign was a candidate for: its value at the goal.</summary>
    public void RecordOpportunity(double goalValue)
    {
        if (goalValue > 0) _pendingOffered += goalValue;
    }

    /// <summary>Records a win of the interval under way: its value at the goal and the price paid.</summary>
    public void RecordWin(double goalValue, double price)
    {
        if (!(price > 0) || !(goalValue > 0)) return;
        _pendingWins[RatioBin(_settings, price / goalValue)] += price;
        _pendingWon += goalValue;
    }

    /// <summary>Closes interval <paramref name="interval"/> with what happened in it and the day's totals after it.</summary>
    /// <param name="spend">Spent in this interval.</param>
    /// <param name="opportunities">Opportunities this campaign was a candidate for in this interval.</param>
    /// <param name="spentToday">Spent today, this interval included.</param>
    /// <param name="goalValueToday">Value won today in money at the goal (conversions x target CPA, or GMV / target ROI).</param>
    public void CloseInterval(int interval, double spend, long opportunities, double spentToday, double goalValueToday)
    {
        if (interval is < 0 or >= IntervalsPerDay) throw new ArgumentOutOfRangeException(nameof(interval));
        _spend[interval] = spend;
        _opportunities[interval] = opportunities;
        _multipliers[interval] = Multiplier;
        Array.Copy(_pendingWins, 0, _winSpend, interval * RatioBins, RatioBins);
        Array.Clear(_pendingWins);
        _offeredValue[interval] = _pendingOffered;
        _wonValue[interval] = _pendingWon;
        _pendingOffered = _pendingWon = 0;
        _observedVolume += opportunities;
        _forecastVolumeSeen += _forecast[interval];

        if (_capacity is not null) FollowCapacity(interval, spend, spentToday);
        else DescendOnPlan(interval, spend, opportunities, spentToday);

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

    private void FollowCapacity(int interval, double spend, double spentToday)
    {
        var capacity = _capacity!;
        _spentSoFar += spend;
        _expectedSoFar += capacity.Spend(interval, _multipliers[interval]);
        if (interval >= IntervalsPerDay - 1) return;

        // Today against the forecast so far (at the multipliers bid), shrunk towards 1 by a prior worth a share of the
        // day's forecast: one spike or one quiet hour must not swing the rest of the day.
        var prior = _settings.CapacityPriorShare * capacity.DayTotal;
        var scale = (_spentSoFar + prior) / (_expectedSoFar + prior);
        var budgetLeft = _budget - spentToday;
        if (budgetLeft <= 0) return;

        // Aim above the budget left, by a margin that shrinks with the share of the day's market still ahead: the
        // further off an hour, the less sure its forecast (competitors spending out earlier than yesterday leave a
        // budget nothing can absorb), and an unspent budget is lost while the budget cap stops any overspend.
        var ahead = _settings.SpendAheadShare + _earlyAhead * Math.Min(1, capacity.Total(Multiplier, interval + 1) / capacity.DayTotal);
        var target = capacity.MultiplierSelling(budgetLeft * (1 + ahead), interval + 1, scale);
        var step = _settings.CapacityTracking * Math.Log(target / Multiplier);
        Multiplier *= Math.Exp(Math.Clamp(step, -_settings.MaxStep, _settings.MaxStep));
    }

    private void DescendOnPlan(int interval, double spend, long opportunities, double spentToday)
    {
        var remainingBefore = Math.Max(0, _budget - (spentToday - spend));
        var forecastAfter = 0.0;
        for (var i = interval + 1; i < IntervalsPerDay; i++) forecastAfter += _forecast[i];
        // Today's volume relative to the forecast so far scales the forecast of what is left.
        var scale = _forecastVolumeSeen > 0 ? _observedVolume / _forecastVolumeSeen : 0;
        // Aim to finish a little ahead of the day's end: an unspent budget is lost, while finishing early costs only
        // the last few opportunities (the bid is capped at what is left, so it never overspends).
        var expectedAfter = scale * forecastAfter * (1 - _settings.FinishAheadShare);
        var planned = opportunities + expectedAfter > 0 ? remainingBefore * opportunities / (opportunities + expectedAfter) : 0;
        if (!(planned > 0) || interval >= IntervalsPerDay - 1) return;

        var floor = _settings.SpendFloorShare * _budget / IntervalsPerDay;
        var error = Math.Log((planned + floor) / (spend + floor));
        var rate = IsColdStart && interval < _settings.ColdStartIntervals ? _settings.ColdStartLearningRate : _settings.LearningRate;
        // Late in the day a shortfall can no longer be spread: react faster as the day runs out.
        rate *= 1 + _settings.LateBoost * interval / (IntervalsPerDay - 1);
        Multiplier *= Math.Exp(Math.Clamp(rate * error, -_settings.MaxStep, _settings.MaxStep));
    }

    /// <summary>Lower edge of ratio bin <paramref name="bin"/> (bin 0 also holds everything below).</summary>
    internal static double BinEdge(PacingSettings settings, double bin) =>
        settings.MinMultiplier * Math.Pow(settings.MaxMultiplier / settings.MinMultiplier, bin / RatioBins);

    private static int RatioBin(PacingSettings settings, double ratio)
    {
        if (!(ratio > settings.MinMultiplier)) return 0;
        var bin = (int)(RatioBins * Math.Log(ratio / settings.MinMultiplier) / Math.Log(settings.MaxMultiplier / settings.MinMultiplier));
        return Math.Clamp(bin, 0, RatioBins - 1);
    }

    /// <summary>
    /// Share of the day's traffic per interval: yesterday's counts with isolated spikes (an interval far above its
    /// neighbours' median) cut to that median and their excess spread evenly (a spike comes again, but not at the
    /// same hour), blended with a flat curve; flat without a yesterday.
    /// </summary>
    private static double[] VolumeForecast(PacingSettings settings, PacingDay? yesterday)
    {
        var forecast = new double[IntervalsPerDay];
        var counts = yesterday?.Opportunities;
        var total = counts?.Sum() ?? 0;
        if (counts is null || total <= 0)
        {
            Array.Fill(forecast, 1.0 / IntervalsPerDay);
            return forecast;
        }

        var excess = 0.0;
        for (var i = 0; i < IntervalsPerDay; i++)
        {
            var cut = Math.Min(counts[i], settings.SpikeRatio * NeighbourMedian(counts, i));
            forecast[i] = cut;
            excess += counts[i] - cut;
        }

        for (var i = 0; i < IntervalsPerDay; i++)
        {
            var share = (forecast[i] + excess / IntervalsPerDay) / total;
            forecast[i] = (1 - settings.FlatForecastWeight) * share + settings.FlatForecastWeight / IntervalsPerDay;
        }

        return forecast;
    }

    private static double NeighbourMedian(long[] counts, int i)
    {
        Span<long> window = stackalloc long[4];
        var n = 0;
        for (var j = i - 2; j <= i + 2; j++)
        {
            if (j == i || j < 0 || j >= IntervalsPerDay) continue;
            window[n++] = counts[j];
        }

        var values = window[..n];
        values.Sort();
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }

    /// <summary>
    /// Forecast spend per interval as a function of the multiplier, built from the market records of the last days:
    /// per interval the leaner of them (an hour whose market differs between days, e.g. when competitors spend out
    /// earlier, is planned on its weaker day: budget left for an hour that does not come cannot be spent).
    /// </summary>
    private sealed class CapacityForecast
    {
        private readonly PacingSettings _settings;
        private readonly double[] _expectedVolume = new double[IntervalsPerDay];
        private readonly List<MarketLayer> _layers = [];

        private CapacityForecast(PacingSettings settings) => _settings = settings;

        /// <summary>Forecast spend of the whole day at the multiplier the day starts with.</summary>
        public double DayTotal { get; private set; }

        public static CapacityForecast? Build(PacingSettings settings, PacingDay yesterday, double[] volumeShare)
        {
            var volume = yesterday.Opportunities.Sum();
            if (volume <= 0) return null;
            var forecast = new CapacityForecast(settings);
            foreach (var market in new[] { yesterday.Market, yesterday.EarlierMarket }.Take(settings.MarketDays))
            {
                if (market is not null && MarketLayer.Build(settings, market) is { } layer) forecast._layers.Add(layer);
            }

            if (forecast._layers.Count == 0) return null;
            for (var i = 0; i < IntervalsPerDay; i++) forecast._expectedVolume[i] = volume * volumeShare[i];
            forecast.DayTotal = forecast.Total(yesterday.MeanMultiplier, 0);
            return forecast.DayTotal > 0 ? forecast : null;
        }

        /// <summary>Forecast spend of interval <paramref name="interval"/> at multiplier <paramref name="k"/>.</summary>
        public double Spend(int interval, double k)
        {
            Span<double> perOpportunity = stackalloc double[IntervalsPerDay];
            PerOpportunity(k, interval, perOpportunity);
            return _expectedVolume[interval] * perOpportunity[interval];
        }

        public double Total(double k, int from)
        {
            Span<double> perOpportunity = stackalloc double[IntervalsPerDay];
            PerOpportunity(k, from, perOpportunity);
            var total = 0.0;
            for (var i = from; i < IntervalsPerDay; i++) total += _expectedVolume[i] * perOpportunity[i];
            return total;
        }

        /// <summary>Spend per opportunity at <paramref name="k"/> of each interval from <paramref name="from"/> on: the leanest record, averaged over neighbouring intervals.</summary>
        private void PerOpportunity(double k, int from, Span<double> result)
        {
            var w = _settings.CapacitySmoothing;
            for (var i = from; i < IntervalsPerDay; i++)
            {
                double sum = 0, n = 0;
                for (var j = Math.Max(0, i - w); j <= Math.Min(IntervalsPerDay - 1, i + w); j++)
                {
                    var lean = double.PositiveInfinity;
                    foreach (var layer in _layers) lean = Math.Min(lean, layer.PerOpportunity(j, k));
                    sum += lean;
                    n++;
                }

                result[i] = sum / n;
            }
        }

        /// <summary>The multiplier at which the intervals from <paramref name="from"/> on would sell <paramref name="spend"/> (forecast times <paramref name="scale"/>).</summary>
        public double MultiplierSelling(double spend, int from, double scale)
        {
            double lo = _settings.MinMultiplier, hi = _settings.MaxMultiplier;
            if (scale * Total(hi, from) <= spend) return hi;
            for (var step = 0; step < 40; step++)
            {
                var k = Math.Sqrt(lo * hi);
                if (scale * Total(k, from) < spend) lo = k; else hi = k;
            }

            return Math.Sqrt(lo * hi);
        }
    }

    /// <summary>One market record as spend per opportunity of each interval as a function of the multiplier.</summary>
    private sealed class MarketLayer
    {
        private readonly PacingSettings _settings;
        // Per interval: cumulative win spend per opportunity by ratio bin, the multiplier bid with, the elasticity
        // above it and the value lost per opportunity; intervals never measured borrow the nearest measured one.
        private readonly double[][] _cumulative = new double[IntervalsPerDay][];
        private readonly double[] _bidWith = new double[IntervalsPerDay];
        private readonly double[] _elasticity = new double[IntervalsPerDay];
        private readonly double[] _lostValue = new double[IntervalsPerDay];
        private readonly bool[] _measured = new bool[IntervalsPerDay];
        private readonly int[] _source = new int[IntervalsPerDay];

        private MarketLayer(PacingSettings settings) => _settings = settings;

        public static MarketLayer? Build(PacingSettings settings, MarketRecord market)
        {
            if (market.WinSpendByRatio.Length != IntervalsPerDay * RatioBins) return null;
            var layer = new MarketLayer(settings);
            var any = false;
            for (var i = 0; i < IntervalsPerDay; i++)
            {
                layer._measured[i] = market.Opportunities[i] > 0 && market.Multipliers[i] > 0;
                var cumulative = new double[RatioBins + 1];
                for (var b = 0; b < RatioBins; b++)
                {
                    cumulative[b + 1] = cumulative[b] + market.WinSpendByRatio[i * RatioBins + b] / Math.Max(1, market.Opportunities[i]);
                }

                layer._cumulative[i] = cumulative;
                layer._bidWith[i] = market.Multipliers[i];
                layer._lostValue[i] = Math.Max(0, market.OfferedValue[i] - market.WonValue[i]) / Math.Max(1, market.Opportunities[i]);
                any |= layer._measured[i] && cumulative[RatioBins] > 0;
            }

            if (!any) return null;
            // Intervals that measured nothing borrow the nearest measured one, the earlier on a tie.
            for (var i = 0; i < IntervalsPerDay; i++)
            {
                var best = -1;
                for (var d = 0; d < IntervalsPerDay && best < 0; d++)
                {
                    if (i - d >= 0 && layer._measured[i - d]) best = i - d;
                    else if (i + d < IntervalsPerDay && layer._measured[i + d]) best = i + d;
                }

                layer._source[i] = best;
            }

            for (var i = 0; i < IntervalsPerDay; i++)
            {
                if (!layer._measured[i]) continue;
                // Elasticity just below the multipliers bid with, pooled over neighbouring measured intervals: how much
                // of the spend a somewhat lower bid would lose.
                double atBid = 0, below = 0;
                for (var j = Math.Max(0, i - settings.CapacitySmoothing); j <= Math.Min(IntervalsPerDay - 1, i + settings.CapacitySmoothing); j++)
                {
                    if (!layer._measured[j]) continue;
                    atBid += layer.Measured(j, layer._bidWith[j]);
                    below += layer.Measured(j, layer._bidWith[j] / settings.ElasticityProbe);
                }

                layer._elasticity[i] = atBid > 0 && below > 0
                    ? Math.Clamp(Math.Log(atBid / below) / Math.Log(settings.ElasticityProbe), 0, settings.MaxElasticity)
                    : settings.MaxElasticity;
            }

            return layer;
        }

        public double PerOpportunity(int interval, double k)
        {
            interval = _source[interval];
            var bidWith = _bidWith[interval];
            if (k <= bidWith) return Measured(interval, k);
            // Above the multiplier bid with the auctions lost are unseen: extrapolate with the elasticity below it, but
            // never past paying the full bid for every impression lost (a saturated hour cannot sell more).
            var atBid = Measured(interval, bidWith);
            return atBid + Math.Min(atBid * (Math.Pow(k / bidWith, _elasticity[interval]) - 1), k * _lostValue[interval]);
        }

        /// <summary>The record's win spend per opportunity with a price-to-value ratio up to <paramref name="k"/>.</summary>
        private double Measured(int interval, double k)
        {
            var cumulative = _cumulative[interval];
            var position = RatioBins * Math.Log(k / _settings.MinMultiplier) / Math.Log(_settings.MaxMultiplier / _settings.MinMultiplier);
            if (position <= 0) return 0;
            if (position >= RatioBins) return cumulative[RatioBins];
            var bin = (int)position;
            return cumulative[bin] + (position - bin) * (cumulative[bin + 1] - cumulative[bin]);
        }
    }
}

/// <summary>
/// One campaign's day as its pacing controller saw it: per interval the spend, the opportunities and the multiplier
/// bid with; and what is known of the market per interval (<see cref="MarketRecord"/>), as of this day and the day before.
/// </summary>
public sealed record PacingDay(double Budget, double[] Spend, long[] Opportunities, double[] Multipliers, MarketRecord Market)
{
    /// <summary>The market record as of the day before (yesterday's <see cref="Market"/>), if any.</summary>
    public MarketRecord? EarlierMarket { get; init; }

    public double MeanMultiplier
    {
        get
        {
            double weighted = 0, spend = 0;
            for (var i = 0; i < Spend.Length; i++)
            {
                weighted += Spend[i] * Multipliers[i];
                spend += Spend[i];
            }

            return spend > 0 ? weighted / spend : Multipliers.Length > 0 ? Multipliers[^1] : 1;
        }
    }

    /// <summary>Warm start without a capacity forecast: the mean multiplier, raised when the day left budget unspent.</summary>
    public double NextDayMultiplier(PacingSettings settings)
    {
        var use = Budget > 0 ? Math.Clamp(Spend.Sum() / Budget, 0.25, 1) : 1;
        var multiplier = MeanMultiplier > 0 ? MeanMultiplier : settings.ColdStartMultiplier;
        return Math.Clamp(multiplier * Math.Pow(1 / use, settings.UnderspendCorrection), settings.MinMultiplier, settings.MaxMultiplier);
    }
}

/// <summary>
/// The latest measurement of each interval's market: the opportunities and multiplier of the day that measured it and
/// that day's win spend by price-to-value ratio bin (row-major [interval, bin], <see cref="PacingController.RatioBins"/>
/// bins), the goal value offered (every opportunity) and won. An interval that no day measured has 0 opportunities.
/// </summary>
public sealed record MarketRecord(long[] Opportunities, double[] Multipliers, double[] WinSpendByRatio, double[] OfferedValue, double[] WonValue);
