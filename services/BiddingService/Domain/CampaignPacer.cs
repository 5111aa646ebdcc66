namespace Commerce.Bidding.Domain;

/// <summary>
/// One campaign's live budget account and pacing state, in memory. Every bid reserves its full price against the day's
/// budget under the campaign's lock (spent + reserved never passes the budget), so concurrent bids cannot overspend;
/// a win notice turns the reservation into spend at the price paid, and unreported reservations expire (lost auctions).
/// The store keeps the durable spend and guards the budget again, across replicas.
/// </summary>
public sealed class CampaignPacer
{
    private readonly Lock _gate = new();
    private readonly PacingSettings _settings;
    private readonly TimeSpan _reservationTtl;
    private readonly Dictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);
    private PacingController _controller;
    private DateOnly _day;
    private int _interval;
    private long _intervalSpend;
    private long _intervalOpportunities;
    private long _spent, _reserved;
    private double _goalValueToday;
    private long _conversions;
    private double _realisedGoalValue;
    private bool _exhaustedAnnounced;
    private DateTimeOffset _nextSweep;

    public CampaignPacer(CampaignRecord campaign, PacingSettings settings, TimeSpan reservationTtl, DateOnly day, int interval, long spentToday)
    {
        Campaign = campaign;
        _settings = settings;
        _reservationTtl = reservationTtl;
        Zone = CampaignRules.ResolveTimeZone(campaign.TimeZone);
        _day = day;
        _interval = interval;
        _spent = spentToday;
        _controller = new PacingController(settings, campaign.DailyBudgetMicros);
    }

    public CampaignRecord Campaign { get; private set; }

    public TimeZoneInfo Zone { get; private set; }

    public double Multiplier { get { lock (_gate) return _controller.Multiplier; } }

    public void Replace(CampaignRecord campaign)
    {
        lock (_gate)
        {
            Campaign = campaign;
            Zone = CampaignRules.ResolveTimeZone(campaign.TimeZone);
        }
    }

    /// <summary>Decides this campaign's bid for an opportunity and reserves it.</summary>
    public CampaignBidDecision Decide(BidCandidateInput candidate, string opportunityId, long floorMicros, DateTimeOffset now)
    {
        var c = Campaign;
        if (c.Paused) return new(c.CampaignId, BidOutcome.Paused, 0, 0);
        if ((c.StartTime is { } start && now < start) || (c.EndTime is { } end && now >= end))
        {
            return new(c.CampaignId, BidOutcome.OutOfSchedule, 0, 0);
        }

        var (day, interval) = CampaignRules.DayAndInterval(now, Zone);
        var conversionProbability = candidate.Pctr * candidate.Pcvr;
        var value = c.Goal == GoalKind.TargetCpa
            ? conversionProbability * c.TargetCpaMicros
            : conversionProbability * candidate.PredictedValueMicros / c.TargetRoi;
        lock (_gate)
        {
            Advance(day, interval, now);
            _intervalOpportunities++;
            _controller.RecordOpportunity(value);
            var multiplier = _controller.Multiplier;
            var available = c.DailyBudgetMicros - _spent - _reserved;
            if (available <= 0 || available < floorMicros || available < 1) return new(c.CampaignId, BidOutcome.BudgetExhausted, 0, multiplier);
            var bid = (long)Math.Min(multiplier * value, _settings.MaxMultiplier * value);
            if (c.MaxBidMicros is { } cap) bid = Math.Min(bid, cap);
            bid = Math.Min(bid, available);
            if (bid <= 0) return new(c.CampaignId, BidOutcome.Paced, 0, multiplier);
            if (bid < floorMicros) return new(c.CampaignId, BidOutcome.BelowFloor, 0, multiplier);
            if (_reservations.TryGetValue(opportunityId, out var previous))
            {
                // A repeated bid request for the same opportunity replaces its reservation rather than adding one.
                _reserved -= previous.BidMicros;
            }

            _reservations[opportunityId] = new Reservation(bid, value, now + _reservationTtl);
            _reserved += bid;
            return new(c.CampaignId, BidOutcome.Bid, bid, multiplier);
        }
    }

    /// <summary>Checks a win before it is stored: the price fits the open bid (or, without one, the budget left).</summary>
    public WinCheck CheckWin(string opportunityId, long priceMicros)
    {
        lock (_gate)
        {
            if (_reservations.TryGetValue(opportunityId, out var reservation))
            {
                return priceMicros > reservation.BidMicros ? WinCheck.AboveBid : WinCheck.Fits;
            }

            return _spent + _reserved + priceMicros <= Campaign.DailyBudgetMicros ? WinCheck.Fits : WinCheck.OverBudget;
        }
    }

    /// <summary>Books a stored win: the reservation becomes spend at the price paid. True when the budget is now spent out
    /// and this is the first time today (announce it once).</summary>
    public bool BookWin(string opportunityId, long priceMicros, DateOnly day)
    {
        lock (_gate)
        {
            var value = 0.0;
            if (_reservations.Remove(opportunityId, out var reservation))
            {
                _reserved -= reservation.BidMicros;
                value = reservation.ValueMicros;
            }

            if (day != _day) return false;
            _spent += priceMicros;
            _intervalSpend += priceMicros;
            _goalValueToday += value;
            _controller.RecordWin(value, priceMicros);
            var exhausted = Campaign.DailyBudgetMicros - _spent < Math.Max(1, Campaign.DailyBudgetMicros / 10_000);
            if (!exhausted || _exhaustedAnnounced) return false;
            _exhaustedAnnounced = true;
            return true;
        }
    }

    public void AddConversion(long valueMicros)
    {
        lock (_gate)
        {
            _conversions++;
            _realisedGoalValue += Campaign.Goal == GoalKind.TargetCpa ? Campaign.TargetCpaMicros : valueMicros / Campaign.TargetRoi;
        }
    }

    public (long Spent, long Reserved, bool Exhausted) Snapshot()
    {
        lock (_gate) return (_spent, _reserved, Campaign.DailyBudgetMicros - _spent < Math.Max(1, Campaign.DailyBudgetMicros / 10_000));
    }

    private void Advance(DateOnly day, int interval, DateTimeOffset now)
    {
        if (now >= _nextSweep)
        {
            // Reservations of lost auctions are never reported: release them once they expire.
            foreach (var (key, r) in _reservations.Where(r => r.Value.ExpiresAt <= now).ToArray())
            {
                _reservations.Remove(key);
                _reserved -= r.BidMicros;
            }

            _nextSweep = now + TimeSpan.FromSeconds(1);
        }

        if (day == _day && interval == _interval) return;
        if (day != _day)
        {
            CloseIntervals(PacingController.IntervalsPerDay);
            _controller = new PacingController(_settings, Campaign.DailyBudgetMicros, _controller.Today);
            _day = day;
            _interval = 0;
            _spent = 0;
            _goalValueToday = 0;
            _conversions = 0;
            _realisedGoalValue = 0;
            _exhaustedAnnounced = false;
        }

        CloseIntervals(interval);
    }

    private void CloseIntervals(int upTo)
    {
        while (_interval < upTo && _interval < PacingController.IntervalsPerDay)
        {
            // Realised conversions steer the goal once there are enough of them; before that, the predictions do.
            var goalValue = _conversions >= 10 ? _realisedGoalValue : _goalValueToday;
            _controller.CloseInterval(_interval, _intervalSpend, _intervalOpportunities, _spent, goalValue);
            _intervalSpend = 0;
            _intervalOpportunities = 0;
            _interval++;
        }
    }

    private readonly record struct Reservation(long BidMicros, double ValueMicros, DateTimeOffset ExpiresAt);
}

public enum WinCheck
{
    Fits,
    AboveBid,
    OverBudget,
}
