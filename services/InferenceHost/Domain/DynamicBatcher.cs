using System.Diagnostics;
using System.Threading.Channels;

namespace Commerce.Inference.Domain;

/// <summary>
/// Merges concurrent requests of one model version into one ONNX Runtime run, as Triton's dynamic batcher does: the
/// first waiting request opens a batch, which closes at max_batch_size rows, at a preferred size when nothing else
/// waits, or max_queue_delay after the first request arrived. Inputs are concatenated along the batch dimension and
/// outputs split back by rows, so each caller gets exactly the rows it would have got alone. Requests whose non-batch
/// dimensions differ (tryon_composer at another H, W) wait for the next batch.
/// </summary>
public sealed class DynamicBatcher : IAsyncDisposable
{
    private readonly string _model;
    private readonly long _version;
    private readonly ModelConfig _config;
    private readonly Func<IReadOnlyList<InferenceTensor>, IReadOnlyList<InferenceTensor>> _run;
    private readonly InferenceMetrics _metrics;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    public DynamicBatcher(string model, long version, ModelConfig config,
        Func<IReadOnlyList<InferenceTensor>, IReadOnlyList<InferenceTensor>> run, InferenceMetrics metrics)
    {
        _model = model;
        _version = version;
        _config = config;
        _run = run;
        _metrics = metrics;
        _worker = Task.Run(WorkAsync);
    }

    /// <summary><paramref name="inputs"/> are validated and in model order; returns every output for these rows.</summary>
    public async Task<IReadOnlyList<InferenceTensor>> InferAsync(IReadOnlyList<InferenceTensor> inputs, CancellationToken cancellationToken)
    {
        var pending = new Pending(inputs, cancellationToken);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try { await _worker; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private async Task WorkAsync()
    {
        var reader = _queue.Reader;
        var maxDelay = TimeSpan.FromMilliseconds(Math.Max(0, _config.MaxQueueDelayMs));
        Pending? carried = null;
        while (!_stop.IsCancellationRequested)
        {
            Pending first;
            if (carried is not null)
            {
                first = carried;
                carried = null;
            }
            else
            {
                if (!await reader.WaitToReadAsync(_stop.Token)) return;
                if (!reader.TryRead(out var read)) continue;
                first = read;
            }

            var batch = new List<Pending> { first };
            var rows = first.Rows;
            while (rows < _config.MaxBatchSize)
            {
                if (reader.TryRead(out var next))
                {
                    if (next.Rows + rows <= _config.MaxBatchSize && SameInnerShapes(first, next))
                    {
                        batch.Add(next);
                        rows += next.Rows;
                        continue;
                    }

                    carried = next;
                    break;
                }

                if (_config.PreferredBatchSizes.Contains((int)rows)) break;
                var remaining = maxDelay - Stopwatch.GetElapsedTime(first.EnqueuedAt);
                if (remaining <= TimeSpan.Zero) break;
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                wait.CancelAfter(remaining);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token)) break;
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                {
                    break;
                }
            }

            Execute(batch);
        }
    }

    private void Execute(List<Pending> batch)
    {
        batch.RemoveAll(p =>
        {
            if (!p.CancellationToken.IsCancellationRequested) return false;
            p.Completion.TrySetCanceled(p.CancellationToken);
            return true;
        });
        if (batch.Count == 0) return;

        foreach (var pending in batch) _metrics.Queued(_model, _version, Stopwatch.GetElapsedTime(pending.EnqueuedAt));
        var rows = batch.Sum(p => p.Rows);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outputs = _run(batch.Count == 1 ? batch[0].Inputs : Concatenate(batch, rows));
            _metrics.Batch(_model, _version, (int)rows, Stopwatch.GetElapsedTime(started));
            if (batch.Count == 1)
            {
                batch[0].Completion.TrySetResult(outputs);
                return;
            }

            var offset = 0L;
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(outputs.Select(o => Slice(o, rows, offset, pending.Rows)).ToArray());
                offset += pending.Rows;
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch) pending.Completion.TrySetException(ex);
        }
    }

    private static IReadOnlyList<InferenceTensor> Concatenate(List<Pending> batch, long rows)
    {
        var first = batch[0].Inputs;
        var merged = new InferenceTensor[first.Count];
        for (var i = 0; i < first.Count; i++)
        {
            var buffer = new byte[batch.Sum(p => p.Inputs[i].Data.Length)];
            var at = 0;
            foreach (var pending in batch)
            {
                pending.Inputs[i].Data.Span.CopyTo(buffer.AsSpan(at));
                at += pending.Inputs[i].Data.Length;
            }

            merged[i] = first[i] with { Shape = [rows, .. first[i].Shape[1..]], Data = buffer };
        }

        return merged;
    }

    private static InferenceTensor Slice(InferenceTensor output, long totalRows, long offset, long rows)
    {
        if (output.Shape.Length == 0 || output.Shape[0] != totalRows)
        {
            throw new InvalidOperationException($"output '{output.Name}' has shape [{string.Join(",", output.Shape)}], not {totalRows} rows: the model cannot be batched (set max_batch_size 0)");
        }

        var rowBytes = output.Data.Length / totalRows;
        return output with { Shape = [rows, .. output.Shape[1..]], Data = output.Data.Slice((int)(offset * rowBytes), (int)(rows * rowBytes)) };
    }

    private static bool SameInnerShapes(Pending a, Pending b)
    {
        for (var i = 0; i < a.Inputs.Count; i++)
        {
            if (!a.Inputs[i].Shape.AsSpan(1).SequenceEqual(b.Inputs[i].Shape.AsSpan(1))) return false;
        }

        return true;
    }

    private sealed class Pending(IReadOnlyList<InferenceTensor> inputs, CancellationToken cancellationToken)
    {
        public IReadOnlyList<InferenceTensor> Inputs { get; } = inputs;

        public long Rows { get; } = inputs[0].Shape[0];

        public long EnqueuedAt { get; } = Stopwatch.GetTimestamp();

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<IReadOnlyList<InferenceTensor>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
