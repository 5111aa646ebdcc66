namespace Commerce.Asr.Domain.Cues;

/// <summary>Kinds of interaction moment in the host's speech (the proto's CueType without UNSPECIFIED).</summary>
public enum CueKind
{
    CallForComment = 1,
    Lottery = 2,
    SizeQuestion = 3,
    PriceReveal = 4,
    Countdown = 5,
    LinkUp = 6,
    AudienceQuestion = 7,
}

/// <summary>A cue found in one utterance, with what the host asked for when the words say it.</summary>
public sealed record DetectedCue
{
    public required CueKind Kind { get; init; }
    public required string Trigger { get; init; }
    public double Confidence { get; init; } = 0.9;
    public string? RequestedComment { get; init; }
    public TimeSpan? Countdown { get; init; }
    public decimal? Price { get; init; }
}
