namespace Commerce.Clip.Domain;

/// <summary>The three kinds of clip a session yields.</summary>
public enum ClipKind
{
    ProductExplanation = 0,
    HotItem = 1,
    TrafficDriver = 2,
}

public static class ClipKinds
{
    public static readonly IReadOnlyList<ClipKind> All = [ClipKind.ProductExplanation, ClipKind.HotItem, ClipKind.TrafficDriver];

    /// <summary>The name carried by ClipPublished (stable, snake case).</summary>
    public static string EventName(this ClipKind kind) => kind switch
    {
        ClipKind.ProductExplanation => "product_explanation",
        ClipKind.HotItem => "hot_item",
        ClipKind.TrafficDriver => "traffic_driver",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
