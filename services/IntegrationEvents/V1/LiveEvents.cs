namespace Commerce.IntegrationEvents.V1;

public sealed record LineupEntry
{
    public required string ProductId { get; init; }
    public required string Title { get; init; }
    public required string Role { get; init; }
    public required int StartSecond { get; init; }
    public required int EndSecond { get; init; }
}

public sealed record ScriptLine
{
    public required int AtSecond { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? ProductId { get; init; }
}

/// <summary>A live was planned with the smart live start; AsrCommentService builds the session's language model from it.</summary>
public sealed record LiveSessionPlanned : IntegrationEvent
{
    public required string SessionId { get; init; }
    public required string MerchantId { get; init; }
    public required string StoreId { get; init; }
    public required string RoomId { get; init; }
    public required int DurationMinutes { get; init; }
    public required string Language { get; init; }
    public required IReadOnlyList<LineupEntry> Lineup { get; init; }
    public required IReadOnlyList<ScriptLine> Script { get; init; }
}

/// <summary>A live ended; ClipService cuts it if the merchant enabled auto-clipping.</summary>
public sealed record LiveSessionEnded : IntegrationEvent
{
    public required string SessionId { get; init; }
    public required string MerchantId { get; init; }
    public required string RoomId { get; init; }
    public required string VideoUri { get; init; }
    public required int DurationSeconds { get; init; }
}

/// <summary>One final utterance of the host, with the product on air at the time.</summary>
public sealed record LiveTranscriptSegment : IntegrationEvent
{
    public required string SessionId { get; init; }
    public required long Sequence { get; init; }
    public required int StartMs { get; init; }
    public required int EndMs { get; init; }
    public required string Text { get; init; }
    public required string Language { get; init; }
    public string? ProductId { get; init; }
}

public sealed record QuickCommentsSuggested : IntegrationEvent
{
    public required string SessionId { get; init; }
    public required string RoomId { get; init; }
    public required string CueKind { get; init; }
    public required IReadOnlyList<string> Suggestions { get; init; }
    public string? ProductId { get; init; }
}

/// <summary>A short video cut from a live and published on the merchant's page.</summary>
public sealed record ClipPublished : IntegrationEvent
{
    public required string ClipId { get; init; }
    public required string SessionId { get; init; }
    public required string MerchantId { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string VideoUri { get; init; }
    public required double DurationSeconds { get; init; }
    public string? ProductId { get; init; }
    public IReadOnlyList<string> CategoryPath { get; init; } = [];
}
