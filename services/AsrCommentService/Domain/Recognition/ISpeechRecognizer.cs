namespace Commerce.Asr.Domain.Recognition;

/// <summary>One utterance-at-a-time recogniser for one audio stream; not shared between streams.</summary>
public interface ISpeechRecognizer : IDisposable
{
    void StartUtterance();

    /// <summary>Feeds 16 kHz mono samples of the current utterance.</summary>
    void Process(ReadOnlySpan<short> samples);

    /// <summary>The best hypothesis so far (a partial result while the utterance runs).</summary>
    string PartialHypothesis();

    /// <summary>Ends the utterance and returns its final text and a 0-1 confidence.</summary>
    RecognitionResult EndUtterance();
}

public sealed record RecognitionResult(string Text, double Confidence);

/// <summary>Builds one recogniser per stream, with the session's domain language model or the generic one.</summary>
public interface ISpeechRecognizerFactory
{
    /// <param name="model">Domain model files; null means the engine's generic model.</param>
    ISpeechRecognizer Create(LanguageModelFiles? model);
}

/// <summary>An ARPA language model and its pronunciation dictionary on disk.</summary>
public sealed record LanguageModelFiles(string ArpaPath, string DictionaryPath);
