namespace Commerce.Clip.Domain;

/// <summary>Everything scoring needs of one finished session; plain data, no I/O.</summary>
public sealed record SessionSignals(
    string SessionId,
    int DurationSeconds,
    IReadOnlyList<TranscriptLine> Transcript,
    IReadOnlyList<EngagementSecond> Engagement,
    IReadOnlyList<ProductInfo> Products);
