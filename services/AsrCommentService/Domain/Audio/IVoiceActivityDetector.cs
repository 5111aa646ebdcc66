namespace Commerce.Asr.Domain.Audio;

/// <summary>Speech probability per fixed-size frame of 16 kHz audio; stateful, one per stream.</summary>
public interface IVoiceActivityDetector : IDisposable
{
    /// <summary>Samples per frame this detector expects (512 for Silero at 16 kHz, 32 ms).</summary>
    int FrameSamples { get; }

    float SpeechProbability(ReadOnlySpan<short> frame);

    void Reset();
}
