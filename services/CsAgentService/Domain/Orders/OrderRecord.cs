namespace Commerce.CsAgent.Domain.Orders;

/// <summary>
/// The agent's view of an order: what OrderPlaced said plus the fulfilment state this service keeps. Amount is what the
/// buyer paid; <see cref="DiscountUsed"/> is what coupons and promotions already took off the list price.
/// </summary>
public sealed record OrderRecord
{
    public required string OrderId { get; init; }
    public required string BuyerId { get; init; }
    public required string MerchantId { get; init; }
    public required string ProductId { get; init; }
    public required int Quantity { get; init; }
    public required decimal Amount { get; init; }
    public string Currency { get; init; } = "CNY";
    public decimal DiscountUsed { get; init; }
    public required DateTimeOffset PlacedAt { get; init; }
    public FulfilmentState State { get; init; } = FulfilmentState.Placed;
    public DateTimeOffset? ShippedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }

    public decimal UnitPricePaid => Quantity <= 0 ? Amount : Amount / Quantity;
}
