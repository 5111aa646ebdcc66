namespace Commerce.Bidding.Domain;

public enum PromotedKind
{
    LiveRoom = 1,
    Video = 2,
    Product = 3,
}

public enum GoalKind
{
    TargetCpa = 1,
    TargetRoi = 2,
}

/// <summary>A campaign as stored. Money in micros (millionths of a currency unit) so sums are exact.</summary>
public sealed record CampaignRecord
{
    public required string CampaignId { get; init; }
    public required string MerchantId { get; init; }
    public required string Name { get; init; }
    public required PromotedKind TargetKind { get; init; }
    public required string TargetId { get; init; }
    public required string Currency { get; init; }
    public required long DailyBudgetMicros { get; init; }
    public required GoalKind Goal { get; init; }
    public long TargetCpaMicros { get; init; }
    public double TargetRoi { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public required string TimeZone { get; init; }
    public long? MaxBidMicros { get; init; }
    public bool Paused { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required DateTimeOffset UpdateTime { get; init; }
}

/// <summary>A campaign's delivery on one budget day.</summary>
public sealed record DeliveryDay(long SpendMicros, long Impressions, long Conversions, long GmvMicros);
