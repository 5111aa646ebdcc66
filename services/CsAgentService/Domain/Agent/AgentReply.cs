using Commerce.CsAgent.Domain.Intents;
using Commerce.CsAgent.Domain.Retention;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Agent;

/// <summary>The agent's answer to one message, and the events the answer implies (published after it is stored).</summary>
public sealed record AgentReply
{
    public required string Text { get; init; }
    public required BuyerIntent Intent { get; init; }
    public required double Confidence { get; init; }
    public IReadOnlyList<Citation> Sources { get; init; } = [];
    public IReadOnlyList<AgentActionRecord> Actions { get; init; } = [];
    public bool Escalated { get; init; }
    public string? EscalationReason { get; init; }
    public RefundCase? RefundCase { get; init; }
    public IReadOnlyList<IntegrationEvent> Events { get; init; } = [];
}
