namespace Commerce.Reco.Domain;

/// <summary>
/// The indexes that are rebuilt in the background rather than per event: Swing neighbours, the ANN index, items per
/// category and tag by popularity, trending lists and the related-category graph. Items listed after the snapshot are
/// covered by a scan of the few newer ones, and profiles are always live.
/// </summary>
public sealed class ServingSnapshot
{
    public required int ItemCount { get; init; }
    public required IVectorIndex Ann { get; init; }
    public required List<(int Item, float Score)>[] Swing { get; init; }
    public required Dictionary<string, int[]> CategoryItems { get; init; }
    public required Dictionary<string, int[]> TagItems { get; init; }
    /// <summary>Per scenario (index 0-2) and merged (index 3), the most popular items.</summary>
    public required int[][] Trending { get; init; }
    /// <summary>log(1 + decayed popularity) / max, per item.</summary>
    public required float[] Popularity { get; init; }
    /// <summary>All-time engagement of an item relative to the most engaged item of its category (0-1).</summary>
    public required float[] CategoryPopularity { get; init; }
    /// <summary>
    /// All-time engagement relative to the most engaged item sharing its category and style: within a segment a few
    /// items draw most clicks, and a buyer shopping that category in that style meets those first.
    /// </summary>
    public required float[] SegmentPopularity { get; init; }
    public required RelatedCategoryGraph Graph { get; init; }
    public required DateTimeOffset BuiltAt { get; init; }

    public static ServingSnapshot Empty(int dims) => new()
    {
        ItemCount = 0, Ann = new ExactVectorIndex([], dims), Swing = [], CategoryItems = [], TagItems = [],
        Trending = [[], [], [], []], Popularity = [], CategoryPopularity = [], SegmentPopularity = [], Graph = RelatedCategoryGraph.Empty, BuiltAt = DateTimeOffset.MinValue,
    };
}
