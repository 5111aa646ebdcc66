using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Tests.Evaluation;

/// <summary>What a task expects, graded on the final state and the answer, as tau-bench's retail domain does.</summary>
public sealed record TaskExpectation
{
    /// <summary>true: a person must take it; false: the agent must answer; null: either is correct.</summary>
    public bool? Escalate { get; init; }
    public string? Intent { get; init; }
    /// <summary>Every string must be in the final reply (the facts the answer must state).</summary>
    public IReadOnlyList<string> MustContain { get; init; } = [];
    /// <summary>No string may be in any reply (a wrong value, another buyer's data).</summary>
    public IReadOnlyList<string> MustNotContain { get; init; } = [];
    /// <summary>The order whose final state is checked, and the state expected.</summary>
    public string? OrderId { get; init; }
    public FulfilmentState? FinalOrderState { get; init; }
    /// <summary>The refund request state expected on <see cref="OrderId"/> ("none" when no request may exist).</summary>
    public string? FinalRefundState { get; init; }
    /// <summary>Offer kinds acceptable on the order's refund request ("none": no offer may be made).</summary>
    public IReadOnlyList<string> OfferKinds { get; init; } = [];
    /// <summary>The agent must report a refused action (an attempt on another buyer's order).</summary>
    public bool ExpectRefusal { get; init; }
}

public sealed record EvaluationTask(string TaskId, string Kind, string Language, string BuyerId, string? ProductId, IReadOnlyList<string> Messages, TaskExpectation Expect);

public sealed record EvaluationSet
{
    public required int Seed { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required IReadOnlyList<ProductSnapshot> Products { get; init; }
    public required IReadOnlyList<ProductReview> Reviews { get; init; }
    public required IReadOnlyList<ResolvedDialog> Dialogs { get; init; }
    public required IReadOnlyList<OrderRecord> Orders { get; init; }
    public required IReadOnlyList<EvaluationTask> Tasks { get; init; }
}
