namespace Commerce.Onboarding.Domain.Library;

/// <summary>A product's title, attributes and selling points in one language.</summary>
public sealed record ProductTexts(string Title, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> SellingPoints);

/// <summary>A body or garment measurement range in centimetres (kilograms for weight).</summary>
public sealed record SizeRange(double Min, double Max);

/// <summary>One size of a size chart; dimension names follow commerce.type.v1.BodyDimension in lower case ("height", "bust").</summary>
public sealed record SizeRowData(string Label, IReadOnlyDictionary<string, SizeRange> Measurements);

public sealed record SizeChartData(string Basis, IReadOnlyList<SizeRowData> Rows);

/// <summary>A supplier product of the distribution library; texts in English and Chinese.</summary>
public sealed record LibraryItem
{
    public required string LibraryProductId { get; init; }
    public required string SupplierId { get; init; }
    public required IReadOnlyList<string> CategoryPath { get; init; }
    public required IReadOnlyList<string> CategoryPathZh { get; init; }
    public required ProductTexts En { get; init; }
    public required ProductTexts Zh { get; init; }
    public required decimal Price { get; init; }
    public required double CommissionRate { get; init; }
    public required long SalesCount { get; init; }
    public required double Rating { get; init; }
    public required int RatingCount { get; init; }
    public SizeChartData? SizeChart { get; init; }
    public required IReadOnlyList<string> ImageUris { get; init; }
    public required long AvailableStock { get; init; }

    public ProductTexts Texts(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}
