namespace Commerce.Onboarding.Domain.Live;

/// <summary>A live session planned with smart live start: its lineup and script.</summary>
public sealed record PlannedSession
{
    public required string SessionId { get; init; }
    public required string StoreId { get; init; }
    public required string MerchantId { get; init; }
    public required string RoomId { get; init; }
    public required IReadOnlyList<string> Category { get; init; }
    public required int DurationMinutes { get; init; }
    public required IReadOnlyList<LineupPick> Lineup { get; init; }
    public required LiveScriptData Script { get; init; }
    public DateTimeOffset? ScheduledStart { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
