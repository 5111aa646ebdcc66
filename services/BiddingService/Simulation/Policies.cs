using Commerce.Bidding.Domain;

namespace Commerce.Bidding.Simulation;

/// <summary>Baseline: the same price for every impression (what a merchant sets by hand), the average impression's value.</summary>
public sealed class FixedBidPolicy : IBidPolicy
{
    private double _bid;

    public string Name => "fixed bid";

    public void BeginDay(DayBrief day) => _bid = day.TargetCpa * day.MeanConversionRate;

    public double Bid(double goalValue) => _bid;

    public void EndInterval(IntervalReport report) { }
}

/// <summary>Baseline: the manual target-CPA bid, the impression's value at the target CPA, with no pacing.</summary>
public sealed class TargetCpaBidPolicy : IBidPolicy
{
    public string Name => "manual target-CPA bid";

    public void BeginDay(DayBrief day) { }

    public double Bid(double goalValue) => goalValue;

    public void EndInterval(IntervalReport report) { }
}

/// <summary>Baseline: a PID controller on the multiplier, tracking an even spend through the day's 48 intervals; cold each day.</summary>
public sealed class PidBidPolicy(double kp = 0.6, double ki = 0.05, double kd = 0.1) : IBidPolicy
{
    private double _multiplier, _integral, _previousError, _budget;

    public string Name => "PID (even spend)";

    public void BeginDay(DayBrief day)
    {
        _multiplier = 1;
        _integral = 0;
        _previousError = 0;
        _budget = day.Budget;
    }

    public double Bid(double goalValue) => _multiplier * goalValue;

    public void EndInterval(IntervalReport report)
    {
        var planned = _budget * (report.Interval + 1) / PacingController.IntervalsPerDay;
        var error = (planned - report.SpentToday) / (_budget / PacingController.IntervalsPerDay) / PacingController.IntervalsPerDay;
        _integral += error;
        var control = kp * error + ki * _integral + kd * (error - _previousError);
        _previousError = error;
        _multiplier = Math.Clamp(Math.Exp(control), 0.02, 3);
        if (report.GoalValueToday > 0 && report.SpentToday > report.GoalValueToday) _multiplier = Math.Min(_multiplier, 1);
    }
}

/// <summary>
/// Baseline: online LP (AuctionNet's OnlineLP). After each interval it solves, over today's market history so far
/// (every opportunity's least-winning cost), for the largest multiplier whose spend, projected over the intervals left,
/// fits the budget left and whose cost per conversion stays at the target.
/// </summary>
public sealed class OnlineLpBidPolicy(double[] slotFactors) : IBidPolicy
{
    private double _multiplier = 1, _budget, _targetCpa;

    public string Name => "online LP";

    public void BeginDay(DayBrief day)
    {
        _multiplier = 1;
        _budget = day.Budget;
        _targetCpa = day.TargetCpa;
    }

    public double Bid(double goalValue) => _multiplier * goalValue;

    public void EndInterval(IntervalReport report)
    {
        var left = PacingController.IntervalsPerDay - report.Interval - 1;
        if (left == 0) return;
        var budgetLeft = _budget - report.SpentToday;
        var projection = (double)left / (report.Interval + 1);
        double lo = 0.02, hi = 3;
        for (var step = 0; step < 30; step++)
        {
            var k = Math.Sqrt(lo * hi);
            var (spend, value) = Replay(report.Log, report.HistoryEnd, k);
            var fits = spend * projection <= budgetLeft && spend <= value * _targetCpa;
            if (fits) lo = k; else hi = k;
        }

        _multiplier = lo;
    }

    private (double Spend, double Conversions) Replay(TrafficLog log, int end, double k)
    {
        double spend = 0, conversions = 0;
        for (var i = 0; i < end; i++)
        {
            if (!AuctionSimulator.TryWin(log, i, k * log.ConversionRate[i] * _targetCpa, slotFactors, out var price, out var factor)) continue;
            spend += price;
            conversions += log.ConversionRate[i] * factor;
        }

        return (spend, conversions);
    }
}

/// <summary>The service's automatic bidder: the <see cref="PacingController"/>, warm-started from its own yesterday.</summary>
public sealed class AutomaticBidPolicy(PacingSettings settings) : IBidPolicy
{
    private PacingController? _controller;

    public string Name => "automatic (pacing controller)";

    public double Multiplier => _controller?.Multiplier ?? 1;

    public PacingController? Controller => _controller;

    public void BeginDay(DayBrief day) =>
        _controller = new PacingController(settings, day.Budget, _controller?.Today);

    public double Bid(double goalValue)
    {
        _controller!.RecordOpportunity(goalValue);
        return Math.Min(_controller.Multiplier, settings.MaxMultiplier) * goalValue;
    }

    public void Won(double goalValue, double price) => _controller!.RecordWin(goalValue, price);

    public void EndInterval(IntervalReport report) =>
        _controller!.CloseInterval(report.Interval, report.Spend, report.Opportunities, report.SpentToday, report.GoalValueToday);
}
