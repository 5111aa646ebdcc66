using Commerce.Asr.Domain.Audio;
using Commerce.Asr.Domain.Recognition;
using Commerce.Asr.Domain.Sessions;

namespace Commerce.Asr.Live;

/// <summary>Makes a stream's transcriber: its own VAD state over the shared Silero graph, its own decoder loaded with
/// the session's domain model (English sessions) or the generic model.</summary>
public sealed class AudioEngine(Lazy<SileroModel> silero, ISpeechRecognizerFactory recognizers, SessionCatalog sessions, AsrOptions options)
{
    public StreamTranscriber Open(LiveSession session)
    {
        var model = sessions.DomainModel(session);
        var vad = new SileroVoiceActivityDetector(silero.Value);
        return new StreamTranscriber(vad, recognizers.Create(model), options.PartialEveryMs);
    }
}
