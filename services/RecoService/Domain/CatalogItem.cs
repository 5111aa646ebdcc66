namespace Commerce.Reco.Domain;

/// <summary>A product, clip or live room as the recommender sees it: its projection of the catalog and live events.</summary>
public sealed record CatalogItem
{
    public required string Id { get; init; }
    public required ItemKind Kind { get; init; }
    public required string MerchantId { get; init; }
    public required string Title { get; init; }
    public string? TitleZh { get; init; }
    /// <summary>Category levels from the root down, lower-case.</summary>
    public required IReadOnlyList<string> CategoryPath { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public decimal Price { get; init; }
    public string Currency { get; init; } = "CNY";
    /// <summary>Units in stock; null for clips and rooms, which are never out of stock.</summary>
    public int? Stock { get; init; }
    public DateTimeOffset ListedAt { get; init; }
    public long Version { get; init; }
    /// <summary>The product a clip or room mainly shows, if known.</summary>
    public string? ProductId { get; init; }
    /// <summary>Products of a live room's lineup.</summary>
    public IReadOnlyList<string> LineupProductIds { get; init; } = [];

    public string CategoryKey => CategoryKeys.Of(CategoryPath);

    public bool InStock => Stock is null or > 0;

    /// <summary>Consumables are bought again; everything else is not re-recommended once bought.</summary>
    public bool Repeatable =>
        (Attributes.TryGetValue("repeatable", out var r) && r.Equals("true", StringComparison.OrdinalIgnoreCase)) ||
        (CategoryPath.Count > 0 && CategoryKeys.RepeatableRoots.Contains(CategoryPath[0]));
}

public static class CategoryKeys
{
    public static readonly HashSet<string> RepeatableRoots = new(StringComparer.Ordinal) { "food", "grocery", "beauty", "consumables" };

    public static string Of(IEnumerable<string> path) => string.Join('/', path.Select(p => p.Trim().ToLowerInvariant()));

    public static string[] Levels(string key) => key.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public static string Parent(string key)
    {
        var i = key.LastIndexOf('/');
        return i < 0 ? "" : key[..i];
    }

    /// <summary>The text a category is embedded with: its levels read as words ("women dress midi").</summary>
    public static string Text(string key) => string.Join(' ', Levels(key).Select(l => l.Replace('_', ' ').Replace('-', ' ')));
}
