namespace Commerce.Asr.Domain.Audio;

/// <summary>
/// Cuts a stream into utterances from per-frame speech probabilities with hysteresis (start above 0.5, end after
/// 400 ms below 0.35, as Silero's own VADIterator does), keeps 500 ms of audio before the onset so the first phone is
/// not clipped, drops blips under 200 ms, and forces a cut at 15 s so a host who never pauses still gets segments.
/// </summary>
public sealed class UtteranceSegmenter(IVoiceActivityDetector vad)
{
    private const int SampleRate = 16000;
    private const float StartThreshold = 0.5f;
    private const float EndThreshold = 0.35f;
    private const int EndSilenceMs = 400;
    private const int PreRollMs = 500;
    private const int MinSpeechMs = 200;
    private const int MaxUtteranceMs = 15_000;

    private readonly List<short> _frame = new(512);
    private readonly Queue<short[]> _preRoll = new();
    private long _samplesSeen;
    private long _utteranceStartSample = -1;
    private int _silentFrames;
    private int _speechFrames;

    public bool InSpeech => _utteranceStartSample >= 0;

    public long SamplesSeen => _samplesSeen;

    /// <summary>Feeds samples; returns events for utterance start, audio within an utterance, and utterance end.</summary>
    public IReadOnlyList<SegmentEvent> Feed(ReadOnlySpan<short> samples)
    {
        var events = new List<SegmentEvent>();
        foreach (var s in samples)
        {
            _frame.Add(s);
            if (_frame.Count < vad.FrameSamples) continue;
            var frame = _frame.ToArray();
            _frame.Clear();
            ProcessFrame(frame, events);
        }

        return events;
    }

    /// <summary>Ends an utterance in progress (stream end or idle timeout).</summary>
    public IReadOnlyList<SegmentEvent> Finish()
    {
        var events = new List<SegmentEvent>();
        if (InSpeech) End(events);
        return events;
    }

    private void ProcessFrame(short[] frame, List<SegmentEvent> events)
    {
        var p = vad.SpeechProbability(frame);
        var frameMs = frame.Length * 1000 / SampleRate;
        _samplesSeen += frame.Length;
        if (!InSpeech)
        {
            _preRoll.Enqueue(frame);
            while (_preRoll.Count * frameMs > PreRollMs) _preRoll.Dequeue();
            if (p < StartThreshold) return;
            var preRoll = _preRoll.SelectMany(f => f).ToArray();
            _preRoll.Clear();
            _utteranceStartSample = _samplesSeen - preRoll.Length;
            _silentFrames = 0;
            _speechFrames = 1;
            events.Add(SegmentEvent.Started(ToMs(_utteranceStartSample)));
            events.Add(SegmentEvent.Audio(preRoll));
            return;
        }

        events.Add(SegmentEvent.Audio(frame));
        if (p >= EndThreshold) { _silentFrames = 0; _speechFrames++; }
        else _silentFrames++;
        var lengthMs = ToMs(_samplesSeen - _utteranceStartSample);
        if (_silentFrames * frameMs >= EndSilenceMs || lengthMs >= MaxUtteranceMs) End(events);
    }

    private void End(List<SegmentEvent> events)
    {
        var startMs = ToMs(_utteranceStartSample);
        var endMs = ToMs(_samplesSeen);
        var speechMs = _speechFrames * vad.FrameSamples * 1000 / SampleRate;
        events.Add(SegmentEvent.Ended(startMs, endMs, discard: speechMs < MinSpeechMs));
        _utteranceStartSample = -1;
        _silentFrames = 0;
        _speechFrames = 0;
    }

    private static int ToMs(long samples) => (int)(samples * 1000 / SampleRate);
}

public enum SegmentEventKind
{
    Started,
    Audio,
    Ended,
}

public sealed record SegmentEvent(SegmentEventKind Kind, short[] Samples, int StartMs, int EndMs, bool Discard)
{
    public static SegmentEvent Started(int startMs) => new(SegmentEventKind.Started, [], startMs, startMs, false);

    public static SegmentEvent Audio(short[] samples) => new(SegmentEventKind.Audio, samples, 0, 0, false);

    public static SegmentEvent Ended(int startMs, int endMs, bool discard) => new(SegmentEventKind.Ended, [], startMs, endMs, discard);
}
