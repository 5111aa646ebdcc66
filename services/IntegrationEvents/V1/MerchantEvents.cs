namespace Commerce.IntegrationEvents.V1;

/// <summary>One step of a merchant's onboarding saga (Applied, Verified, Trial, Active, Rejected, Suspended, Expired).</summary>
public sealed record MerchantOnboardingChanged : IntegrationEvent
{
    public required string MerchantId { get; init; }
    public required string FromState { get; init; }
    public required string ToState { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The merchant's store is live (trial or active): it may list products and go live.</summary>
public sealed record MerchantActivated : IntegrationEvent
{
    public required string MerchantId { get; init; }
    public required string StoreId { get; init; }
    public required string StoreName { get; init; }
    public required bool IsTrial { get; init; }
}

/// <summary>A new-merchant programme (cold start, traffic rewards) was granted; BiddingService spends its exposures.</summary>
public sealed record MerchantProgrammeGranted : IntegrationEvent
{
    public required string MerchantId { get; init; }
    public required string Programme { get; init; }
    public required DateTimeOffset ValidUntil { get; init; }
    public int DailyRewardExposures { get; init; }
}
