namespace Commerce.IntegrationEvents.V1;

/// <summary>Size chart row of an apparel product: measurements in centimetres per size label.</summary>
public sealed record SizeChartRow
{
    public required string Size { get; init; }
    public IReadOnlyDictionary<string, double> MeasurementsCm { get; init; } = new Dictionary<string, double>();
}

/// <summary>What every consumer of the catalog needs of a product; each keeps its own projection of it.</summary>
public sealed record ProductSnapshot
{
    public required string ProductId { get; init; }
    public required string MerchantId { get; init; }
    public required string StoreId { get; init; }
    public required string Title { get; init; }
    public string? TitleZh { get; init; }
    public required IReadOnlyList<string> CategoryPath { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> SellingPoints { get; init; } = [];
    public string? Description { get; init; }
    public required decimal Price { get; init; }
    public string Currency { get; init; } = "CNY";
    public int Stock { get; init; }
    public IReadOnlyList<string> ImageUris { get; init; } = [];
    public IReadOnlyList<SizeChartRow> SizeChart { get; init; } = [];
    public string? LibraryProductId { get; init; }
}

public sealed record ProductListed : IntegrationEvent
{
    public required ProductSnapshot Product { get; init; }
}

/// <summary>A listing changed; <see cref="Version"/> grows by one per change so consumers ignore stale updates.</summary>
public sealed record ProductUpdated : IntegrationEvent
{
    public required ProductSnapshot Product { get; init; }
    public required long Version { get; init; }
}

/// <summary>A buyer's review; CsAgentService mines aspects ("runs large", "real leather") from it.</summary>
public sealed record ReviewPosted : IntegrationEvent
{
    public required string ReviewId { get; init; }
    public required string ProductId { get; init; }
    public required string BuyerId { get; init; }
    public required int Rating { get; init; }
    public required string Text { get; init; }
}
