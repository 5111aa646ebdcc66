using Commerce.CsAgent.Domain.Intents;

namespace Commerce.CsAgent.Domain.Agent;

public enum ConversationState
{
    Open,
    Escalated,
    Closed,
}

public enum Speaker
{
    Buyer,
    Agent,
    HumanAgent,
}

public enum CitationKind
{
    DetailAttribute,
    DetailText,
    Review,
    ResolvedDialog,
    Policy,
    Order,
}

public enum ActionType
{
    LookUpOrders,
    StartReturn,
    ApplyOffer,
    Escalate,
}

public enum ActionOutcome
{
    Succeeded,
    Refused,
    Failed,
}

public sealed record Citation(CitationKind Kind, string SourceId, string? ProductId, string? Attribute, string? Value, string Excerpt, double Confidence);

public sealed record AgentActionRecord(ActionType Type, string? OrderId, ActionOutcome Outcome, string Detail);

public sealed record Turn
{
    public required string TurnId { get; init; }
    public required Speaker Speaker { get; init; }
    public required string Text { get; init; }
    public BuyerIntent? Intent { get; init; }
    public double Confidence { get; init; }
    public IReadOnlyList<Citation> Sources { get; init; } = [];
    public IReadOnlyList<AgentActionRecord> Actions { get; init; } = [];
    public bool Escalated { get; init; }
    public string? RefundRequestId { get; init; }
    public string? RequestId { get; init; }
    public required DateTimeOffset At { get; init; }
}

/// <summary>
/// A conversation and the state the agent carries between turns: the product and order being talked about and a
/// refund offer waiting for the buyer's yes or no. Persisted after every turn and reloaded on the next.
/// </summary>
public sealed class Conversation
{
    public required string ConversationId { get; init; }
    public required string BuyerId { get; init; }
    public ConversationState State { get; set; } = ConversationState.Open;
    public string? ProductId { get; set; }
    public string? OrderId { get; set; }
    public string? PendingRefundRequestId { get; set; }
    public List<Turn> Turns { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
