namespace Commerce.Asr.Domain.Audio;

/// <summary>
/// Puts sequence-numbered chunks back in order. A chunk ahead of the expected one waits; once the waiting audio
/// exceeds the reorder window (2 s by default) the missing chunk is given up and replaced by silence of the same length
/// as its successor, so the timeline (and every offset after it) stays right. Late duplicates are dropped.
/// </summary>
public sealed class ChunkReorderBuffer(int windowSamples = 32_000)
{
    private readonly SortedDictionary<long, short[]> _pending = new();
    private long _next;
    private int _pendingSamples;

    public long MissingChunks { get; private set; }
    public long ReorderedChunks { get; private set; }
    public long DroppedChunks { get; private set; }
    public long LastSequence { get; private set; } = -1;

    /// <summary>Accepts one chunk and returns the chunks now ready, in order (silence for the given-up ones).</summary>
    public IReadOnlyList<short[]> Accept(long sequence, short[] samples)
    {
        LastSequence = Math.Max(LastSequence, sequence);
        var ready = new List<short[]>();
        if (sequence < _next || _pending.ContainsKey(sequence))
        {
            DroppedChunks++;
            return ready;
        }

        if (sequence != _next) ReorderedChunks++;
        _pending[sequence] = samples;
        _pendingSamples += samples.Length;
        Drain(ready);
        while (_pending.Count > 0 && _pendingSamples > windowSamples)
        {
            var first = _pending.First();
            for (; _next < first.Key; _next++)
            {
                MissingChunks++;
                ready.Add(new short[first.Value.Length]);
            }

            // The chunk that arrived early was not really reordered: the earlier ones are lost.
            ReorderedChunks--;
            Drain(ready);
        }

        return ready;
    }

    /// <summary>At the end of the stream: what is still waiting, gaps filled with silence.</summary>
    public IReadOnlyList<short[]> Flush()
    {
        var ready = new List<short[]>();
        while (_pending.Count > 0)
        {
            var first = _pending.First();
            for (; _next < first.Key; _next++)
            {
                MissingChunks++;
                ready.Add(new short[first.Value.Length]);
            }

            Drain(ready);
        }

        return ready;
    }

    private void Drain(List<short[]> ready)
    {
        while (_pending.Remove(_next, out var chunk))
        {
            _pendingSamples -= chunk.Length;
            ready.Add(chunk);
            _next++;
        }
    }
}
