namespace Commerce.IntegrationEvents.V1;

/// <summary>One buyer action on an item in a scenario (SHORT_VIDEO, LIVE, MALL): the raw material of interest profiles.</summary>
public sealed record UserInteracted : IntegrationEvent
{
    public required string UserId { get; init; }
    public required string ItemId { get; init; }
    public required string ItemKind { get; init; }
    public required string Action { get; init; }
    public required string Scenario { get; init; }
    public double WatchSeconds { get; init; }
}

public sealed record OrderPlaced : IntegrationEvent
{
    public required string OrderId { get; init; }
    public required string BuyerId { get; init; }
    public required string MerchantId { get; init; }
    public required string ProductId { get; init; }
    public required int Quantity { get; init; }
    public required decimal Amount { get; init; }
    public string Currency { get; init; } = "CNY";
    public string? SessionId { get; init; }
    public string? CampaignId { get; init; }
}

/// <summary>An ad-driven order: BiddingService's conversions for pacing towards the target CPA or ROI.</summary>
public sealed record ConversionRecorded : IntegrationEvent
{
    public required string CampaignId { get; init; }
    public required string OrderId { get; init; }
    public required decimal Value { get; init; }
}

public sealed record TryOnCompleted : IntegrationEvent
{
    public required string UserId { get; init; }
    public required string ProductId { get; init; }
    public required string ResultId { get; init; }
    public required string GarmentType { get; init; }
}

public sealed record RefundRetained : IntegrationEvent
{
    public required string OrderId { get; init; }
    public required string BuyerId { get; init; }
    public required string MerchantId { get; init; }
    public required string Offer { get; init; }
    public required decimal OfferCost { get; init; }
}

public sealed record EscalatedToHuman : IntegrationEvent
{
    public required string ConversationId { get; init; }
    public required string BuyerId { get; init; }
    public string? MerchantId { get; init; }
    public required string Reason { get; init; }
    public required string Summary { get; init; }
}

public sealed record BudgetExhausted : IntegrationEvent
{
    public required string CampaignId { get; init; }
    public required string MerchantId { get; init; }
    public required DateOnly Day { get; init; }
    public required decimal Spent { get; init; }
}
