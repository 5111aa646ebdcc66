using Commerce.Asr.Domain.Cues;

namespace Commerce.Asr.Domain.Suggestions;

/// <summary>One suggestion set offered to a room's viewers.</summary>
public sealed record QuickCommentSuggestion
{
    public required string SetId { get; init; }
    public required string SessionId { get; init; }
    public required string RoomId { get; init; }
    public required string CueId { get; init; }
    public required CueKind CueKind { get; init; }
    public string? ProductId { get; init; }
    public required IReadOnlyList<string> Comments { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}

public enum WithdrawalCause
{
    MomentPassed = 1,
    Superseded = 2,
    LiveEnded = 3,
}

/// <summary>What viewers of a room receive: a new set, or the withdrawal of one.</summary>
public sealed record RoomUpdate(QuickCommentSuggestion? Suggested, string? WithdrawnSetId, WithdrawalCause Cause);
