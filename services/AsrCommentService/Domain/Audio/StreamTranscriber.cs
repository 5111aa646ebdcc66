using System.Diagnostics;
using Commerce.Asr.Domain.Recognition;

namespace Commerce.Asr.Domain.Audio;

/// <summary>A partial or final transcript of one utterance of a stream.</summary>
public sealed record TranscriptEvent(bool IsFinal, string SegmentId, string Text, int StartMs, int EndMs, double Confidence);

/// <summary>
/// One stream's listening: in-order audio through VAD into the recogniser, one utterance at a time, partial
/// hypotheses every <paramref name="partialEveryMs"/> of speech and a final one at each cut. Counts its own processing
/// time against the audio time, which is the stream's real-time factor.
/// </summary>
public sealed class StreamTranscriber(IVoiceActivityDetector vad, ISpeechRecognizer recognizer, int partialEveryMs = 1000) : IDisposable
{
    private readonly UtteranceSegmenter _segmenter = new(vad);
    private readonly Stopwatch _busy = new();
    private string _segmentId = "";
    private int _startMs;
    private int _samplesSincePartial;
    private string _lastPartial = "";
    private long _audioSamples;

    public double AudioSeconds => _audioSamples / 16000.0;

    public double ProcessingSeconds => _busy.Elapsed.TotalSeconds;

    public IReadOnlyList<TranscriptEvent> Feed(ReadOnlySpan<short> samples)
    {
        _busy.Start();
        try
        {
            _audioSamples += samples.Length;
            return Handle(_segmenter.Feed(samples));
        }
        finally
        {
            _busy.Stop();
        }
    }

    public IReadOnlyList<TranscriptEvent> Finish()
    {
        _busy.Start();
        try { return Handle(_segmenter.Finish()); }
        finally { _busy.Stop(); }
    }

    private List<TranscriptEvent> Handle(IReadOnlyList<SegmentEvent> events)
    {
        var output = new List<TranscriptEvent>();
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case SegmentEventKind.Started:
                    _segmentId = Guid.NewGuid().ToString("N");
                    _startMs = e.StartMs;
                    _samplesSincePartial = 0;
                    _lastPartial = "";
                    recognizer.StartUtterance();
                    break;
                case SegmentEventKind.Audio:
                    recognizer.Process(e.Samples);
                    _samplesSincePartial += e.Samples.Length;
                    if (_samplesSincePartial * 1000L / 16000 >= partialEveryMs)
                    {
                        _samplesSincePartial = 0;
                        var partial = recognizer.PartialHypothesis();
                        if (partial.Length > 0 && partial != _lastPartial)
                        {
                            _lastPartial = partial;
                            output.Add(new TranscriptEvent(false, _segmentId, partial, _startMs, (int)(_segmenter.SamplesSeen * 1000 / 16000), 0));
                        }
                    }

                    break;
                case SegmentEventKind.Ended:
                    var result = recognizer.EndUtterance();
                    if (!e.Discard && result.Text.Length > 0)
                        output.Add(new TranscriptEvent(true, _segmentId, result.Text, e.StartMs, e.EndMs, result.Confidence));
                    break;
            }
        }

        return output;
    }

    public void Dispose()
    {
        recognizer.Dispose();
        vad.Dispose();
    }
}
