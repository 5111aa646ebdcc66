namespace Commerce.Asr.Live;

public sealed class AsrOptions
{
    public const string SectionName = "Asr";

    /// <summary>Silero VAD ONNX file; relative paths are from the repository's eng/artifacts (found above the content root).</summary>
    public string SileroModelPath { get; set; } = "models/silero_vad.onnx";

    public string PocketSphinxModelDir { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    public int MaxChunkBytes { get; set; } = 64 * 1024;

    public int ReorderWindowMs { get; set; } = 2000;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most one suggestion set per room in this interval.</summary>
    public TimeSpan MinSuggestionInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a set stays up when nothing replaces it (a countdown's set stays until its time runs out, capped at 3 min).</summary>
    public TimeSpan SuggestionLifetime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Partial transcripts every this much audio within an utterance.</summary>
    public int PartialEveryMs { get; set; } = 1000;

    /// <summary>
    /// Private rooms (a rehearsal, a members-only live): room id -> viewer user ids allowed in. Every other planned room
    /// is public to signed-in viewers. The room's merchant and operators always see it.
    /// </summary>
    public Dictionary<string, string[]> PrivateRooms { get; set; } = new(StringComparer.Ordinal);
}
