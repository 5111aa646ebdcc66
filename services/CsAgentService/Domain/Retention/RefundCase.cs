namespace Commerce.CsAgent.Domain.Retention;

public enum RefundCaseState
{
    OfferPending,
    Retained,
    RefundProcessing,
    Refunded,
    Escalated,
}

/// <summary>A buyer's refund request on one order and what became of it.</summary>
public sealed record RefundCase
{
    public required string RefundRequestId { get; init; }
    public required string OrderId { get; init; }
    public required string BuyerId { get; init; }
    public required string MerchantId { get; init; }
    public required RefundReason Reason { get; init; }
    public string ReasonText { get; init; } = "";
    public required RefundCaseState State { get; init; }
    public RetentionOffer? Offer { get; init; }
    public required decimal RefundAmount { get; init; }
    public string Currency { get; init; } = "CNY";
    public required bool Statutory { get; init; }
    public required string Rationale { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
