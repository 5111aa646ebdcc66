namespace Commerce.Onboarding.Domain.Onboarding;

public enum StoreState
{
    Trial = 1,
    Active = 2,
    Suspended = 3,
}

public sealed record MerchantStore
{
    public required string StoreId { get; init; }
    public required string MerchantId { get; init; }
    public required string ApplicationId { get; init; }
    public required string Name { get; init; }
    public required StoreState Status { get; init; }
    public required IReadOnlyList<string> PrimaryCategory { get; init; }
    public int GoodOrderCount { get; init; }
    public decimal? DepositPaid { get; init; }
    public string? StatusReason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public string? TodayDate { get; init; }
    public int OrdersToday { get; init; }
    public decimal GmvToday { get; init; }
    public IReadOnlyList<ProgrammeGrant> Programmes { get; init; } = [];
}
