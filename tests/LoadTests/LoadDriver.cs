using System.Diagnostics;
using Grpc.Core;

namespace Commerce.LoadTests;

/// <summary>
/// Runs the mix either open-loop (calls start at a fixed arrival rate whatever the latency, so queueing shows) or
/// closed-loop (N callers each waiting for their answer). The seed fixes which calls are made and in what order.
/// </summary>
public sealed class LoadDriver(IReadOnlyList<LoadCall> mix, LatencyRecorder recorder, int seed)
{
    private readonly double _totalWeight = mix.Sum(c => c.Weight);

    public async Task RunClosedLoopAsync(int callers, TimeSpan duration, long? maxCalls, CancellationToken cancellationToken)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long started = 0;
        var workers = Enumerable.Range(0, callers).Select(async worker =>
        {
            var random = new Random(seed + worker);
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                if (maxCalls is { } max && Interlocked.Increment(ref started) > max) break;
                await CallOnceAsync(Pick(random), random, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
    }

    public async Task RunOpenLoopAsync(double callsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var interval = TimeSpan.FromSeconds(1 / callsPerSecond);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var next = TimeSpan.Zero; next < duration && !cancellationToken.IsCancellationRequested; next += interval)
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            var callRandom = new Random(random.Next());
            inFlight.Add(CallOnceAsync(Pick(random), callRandom, cancellationToken));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private LoadCall Pick(Random random)
    {
        var point = random.NextDouble() * _totalWeight;
        foreach (var call in mix)
        {
            point -= call.Weight;
            if (point <= 0) return call;
        }

        return mix[^1];
    }

    /// <summary>Every call of the mix once, one after the other: a run that must cover the whole mix starts here.</summary>
    public async Task RunEveryCallOnceAsync(CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        foreach (var call in mix) await CallOnceAsync(call, new Random(random.Next()), cancellationToken);
    }

    private async Task CallOnceAsync(LoadCall call, Random random, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        string? detail = null;
        try
        {
            await call.ExecuteAsync(new CallContext(random, cancellationToken));
        }
        catch (RpcException ex)
        {
            (status, detail) = (ex.StatusCode, ex.Status.Detail);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = StatusCode.Cancelled;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            // A client-side failure (connection lost, call completed under a write) counts as an error, not a crash of the run.
            (status, detail) = (StatusCode.Unknown, $"{ex.GetType().Name}: {ex.Message}");
        }

        recorder.Record(call.Rpc, Stopwatch.GetElapsedTime(started), status, detail);
    }
}
