using System.Collections.Concurrent;
using Grpc.Core;
using HdrHistogram;

namespace Commerce.LoadTests;

/// <summary>Latency per RPC in an HdrHistogram (microseconds, 3 significant digits) and outcomes by gRPC status.</summary>
public sealed class LatencyRecorder
{
    private readonly ConcurrentDictionary<string, LongConcurrentHistogram> _latency = new();
    private readonly ConcurrentDictionary<(string Rpc, StatusCode Status), long> _outcomes = new();
    private readonly ConcurrentDictionary<(string Rpc, StatusCode Status), string> _firstError = new();

    /// <summary>Records one call; for a failed call, the first detail seen per RPC and status is kept for the report.</summary>
    public void Record(string rpc, TimeSpan elapsed, StatusCode status, string? detail = null)
    {
        var histogram = _latency.GetOrAdd(rpc, _ => new LongConcurrentHistogram(1, TimeSpan.FromMinutes(5).Ticks / 10, 3));
        histogram.RecordValue(Math.Max(1, elapsed.Ticks / 10));
        _outcomes.AddOrUpdate((rpc, status), 1, (_, n) => n + 1);
        if (status != StatusCode.OK) _firstError.TryAdd((rpc, status), detail ?? "");
    }

    public IReadOnlyList<RpcFigures> Figures(TimeSpan duration)
    {
        return _latency.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var h = kv.Value;
            var outcomes = _outcomes.Where(o => o.Key.Rpc == kv.Key).ToDictionary(o => o.Key.Status.ToString(), o => o.Value);
            var firstErrors = _firstError.Where(e => e.Key.Rpc == kv.Key).ToDictionary(e => e.Key.Status.ToString(), e => e.Value);
            double Ms(double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
            return new RpcFigures(kv.Key, h.TotalCount, h.TotalCount / duration.TotalSeconds,
                Ms(50), Ms(90), Ms(99), Ms(99.9), h.GetMaxValue() / 1000.0, outcomes, firstErrors);
        }).ToList();
    }
}

public sealed record RpcFigures(string Rpc, long Calls, double PerSecond, double P50Ms, double P90Ms, double P99Ms, double P999Ms,
    double MaxMs, IReadOnlyDictionary<string, long> Outcomes, IReadOnlyDictionary<string, string> FirstErrors)
{
    public long Errors => Outcomes.Where(o => o.Key != nameof(StatusCode.OK)).Sum(o => o.Value);
}
