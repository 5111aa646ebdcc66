using Commerce.IntegrationEvents.V1;

namespace Commerce.Asr.Domain.Sessions;

/// <summary>A planned live session as this service keeps it: its room, language, product line-up and script.</summary>
public sealed record LiveSession
{
    public required string SessionId { get; init; }
    public required string MerchantId { get; init; }
    public required string RoomId { get; init; }
    public required string Language { get; init; }
    public IReadOnlyList<LineupEntry> Lineup { get; init; } = [];
    public IReadOnlyList<ScriptLine> Script { get; init; } = [];
    public bool Ended { get; init; }
}

/// <summary>What this service needs of a product: words to hear and to suggest.</summary>
public sealed record ProductFacts
{
    public required string ProductId { get; init; }
    public required string Title { get; init; }
    public string? TitleZh { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> SellingPoints { get; init; } = [];
    public IReadOnlyList<string> Sizes { get; init; } = [];
}
