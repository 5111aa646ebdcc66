using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Domain;

namespace Commerce.Reco.Consumers;

/// <summary>From the fleet's integration events to the recommender's own item and interaction records.</summary>
public static class EventMapping
{
    public static CatalogItem Product(ProductSnapshot p, DateTimeOffset at, long version) => new()
    {
        Id = p.ProductId,
        Kind = ItemKind.Product,
        MerchantId = p.MerchantId,
        Title = p.Title,
        TitleZh = p.TitleZh,
        CategoryPath = p.CategoryPath.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).ToList(),
        Attributes = p.Attributes,
        Price = p.Price,
        Currency = p.Currency,
        Stock = p.Stock,
        ListedAt = at,
        Version = version,
    };

    public static CatalogItem Clip(ClipPublished e, CatalogItem? product) => new()
    {
        Id = e.ClipId,
        Kind = ItemKind.Clip,
        MerchantId = e.MerchantId,
        Title = e.Title,
        CategoryPath = e.CategoryPath.Count > 0 ? e.CategoryPath.Select(l => l.Trim().ToLowerInvariant()).ToList()
            : product?.CategoryPath ?? ["content", "clip"],
        Attributes = product?.Attributes ?? new Dictionary<string, string>(),
        ListedAt = e.OccurredAt,
        ProductId = e.ProductId,
    };

    public static CatalogItem LiveRoom(LiveSessionPlanned e, Func<string, CatalogItem?> findProduct)
    {
        var products = e.Lineup.Select(l => findProduct(l.ProductId)).OfType<CatalogItem>().ToList();
        var main = products.FirstOrDefault();
        return new CatalogItem
        {
            Id = e.RoomId,
            Kind = ItemKind.LiveRoom,
            MerchantId = e.MerchantId,
            Title = string.Join(" ", e.Lineup.Select(l => l.Title)),
            CategoryPath = main?.CategoryPath ?? ["content", "live"],
            Attributes = main?.Attributes ?? new Dictionary<string, string>(),
            ListedAt = e.OccurredAt,
            ProductId = main?.Id,
            LineupProductIds = e.Lineup.Select(l => l.ProductId).ToList(),
        };
    }
}
