using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Domain.Library;

namespace Commerce.Onboarding.Domain.Listings;

public sealed record ListingTexts(string Language, ProductTexts Texts);

/// <summary>A product listed in a store: the fleet's product, announced by ProductListed and ProductUpdated.</summary>
public sealed record StoreListing
{
    public required string ProductId { get; init; }
    public required string StoreId { get; init; }
    public required string MerchantId { get; init; }
    public string? LibraryProductId { get; init; }
    public required string Language { get; init; }
    public required ProductTexts Texts { get; init; }
    public IReadOnlyList<ListingTexts> Translations { get; init; } = [];
    public required IReadOnlyList<string> Category { get; init; }
    public required decimal Price { get; init; }
    public required long Stock { get; init; }
    public SizeChartData? SizeChart { get; init; }
    public IReadOnlyList<string> ImageUris { get; init; } = [];
    public bool OnShelf { get; init; } = true;
    public long Version { get; init; } = 1;
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    private ProductTexts? In(string language) =>
        Language.StartsWith(language, StringComparison.OrdinalIgnoreCase) ? Texts
        : Translations.FirstOrDefault(t => t.Language.StartsWith(language, StringComparison.OrdinalIgnoreCase))?.Texts;

    /// <summary>
    /// The catalog snapshot: English title in Title (the Chinese one when there is no English text), Chinese in TitleZh;
    /// attributes and selling points of both languages together (English first), so every consumer finds its language.
    /// Size chart rows carry "{dimension}_min"/"_max" in cm (weight in kg).
    /// </summary>
    public ProductSnapshot ToSnapshot()
    {
        var en = In("en");
        var zh = In("zh");
        var attributes = new Dictionary<string, string>();
        foreach (var texts in new[] { en, zh }.Where(t => t is not null))
        foreach (var (k, v) in texts!.Attributes) attributes.TryAdd(k, v);
        return new ProductSnapshot
        {
            ProductId = ProductId,
            MerchantId = MerchantId,
            StoreId = StoreId,
            Title = (en ?? Texts).Title,
            TitleZh = zh?.Title,
            CategoryPath = Category,
            Attributes = attributes,
            SellingPoints = (en?.SellingPoints ?? []).Concat(zh?.SellingPoints ?? []).ToList(),
            Price = Price,
            Currency = "CNY",
            Stock = (int)Math.Min(int.MaxValue, Stock),
            ImageUris = ImageUris,
            SizeChart = SizeChart?.Rows.Select(r => new SizeChartRow
            {
                Size = r.Label,
                MeasurementsCm = r.Measurements.SelectMany(m => new[] { (SizeChartKeys.Min(m.Key), m.Value.Min), (SizeChartKeys.Max(m.Key), m.Value.Max) })
                    .ToDictionary(x => x.Item1, x => x.Item2),
            }).ToList() ?? [],
            LibraryProductId = LibraryProductId,
        };
    }
}
