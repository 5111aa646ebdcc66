namespace Commerce.Reco.Domain;

public sealed record RecommendationRequest(string UserId, Scenario Scenario, int Count, DateTimeOffset Now,
    string? ContextItemId = null, string? LiveRoomId = null, IReadOnlySet<string>? Exclude = null);

/// <summary>Why an item was recalled: the channel and what in the buyer's profile led to it.</summary>
public sealed record Reason(RecallChannel Channel, double Score, string? Tag = null, string? RelatedCategory = null,
    CategoryRelation? Relation = null, string? SourceItemId = null, Scenario? SourceScenario = null);

public sealed record RankedItem(CatalogItem Item, double Score, int RankerRank, int FinalRank, IReadOnlyList<Reason> Reasons,
    float[] Features, IReadOnlyList<(string Feature, double Value, double Contribution)> Contributions);

public sealed record RecommendationResult(IReadOnlyList<RankedItem> Items, bool ColdStart);

/// <summary>The ranker's inputs, in order. Channel scores first (0 when the channel did not recall the item).</summary>
public static class RankingFeatures
{
    public static readonly string[] Names =
    [
        "channel_context", "channel_item_to_item", "channel_embedding", "channel_interest_tag", "channel_related_category",
        "channel_fresh", "channel_trending", "user_category_affinity", "user_category_affinity_scenario", "tag_overlap",
        "price_level_gap", "popularity", "age_days", "kind_fits_scenario", "embedding_similarity", "channel_count",
        "complement_affinity", "style_affinity", "material_affinity", "occasion_affinity", "category_popularity",
        "segment_popularity", "recent_purchase_complement", "category_share", "days_since_category",
    ];

    public const int Count = 25;
    public const int UserCategoryAffinity = 7, UserCategoryAffinityScenario = 8, TagOverlap = 9, PriceLevelGap = 10,
        Popularity = 11, AgeDays = 12, KindFitsScenario = 13, EmbeddingSimilarity = 14, ChannelCount = 15, ComplementAffinity = 16,
        StyleAffinity = 17, MaterialAffinity = 18, OccasionAffinity = 19, CategoryPopularity = 20, SegmentPopularity = 21,
        RecentPurchaseComplement = 22, CategoryShare = 23, DaysSinceCategory = 24;
}
