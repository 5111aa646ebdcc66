using Commerce.Onboarding.Domain.Library;

namespace Commerce.Onboarding.Domain.Live;

/// <summary>A product as smart live start sees it: a library product or a store listing, with texts in the live's language.</summary>
public sealed record LiveProduct
{
    /// <summary>The listing id, or the library product id when <see cref="IsLibrary"/>.</summary>
    public required string Id { get; init; }
    public required bool IsLibrary { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Category { get; init; }
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }
    public required IReadOnlyList<string> SellingPoints { get; init; }
    public required decimal Price { get; init; }
    public SizeChartData? SizeChart { get; init; }
    public double CommissionRate { get; init; }
    public long SalesCount { get; init; }
    public double Rating { get; init; }

    public static LiveProduct FromLibrary(LibraryItem item, string language)
    {
        var texts = item.Texts(language);
        return new LiveProduct
        {
            Id = item.LibraryProductId, IsLibrary = true, Title = texts.Title, Category = item.CategoryPath, Attributes = texts.Attributes,
            SellingPoints = texts.SellingPoints, Price = item.Price, SizeChart = item.SizeChart, CommissionRate = item.CommissionRate,
            SalesCount = item.SalesCount, Rating = item.Rating,
        };
    }
}

public enum LineupRoleKind
{
    TrafficDriver = 1,
    Hero = 2,
    Regular = 3,
}

public sealed record LineupScoreParts(double CategoryFit, double Commission, double Sales, double Rating);

/// <summary>One product of a lineup in live order, with its slot on the timeline.</summary>
public sealed record LineupPick(LiveProduct Product, LineupRoleKind Role, double Score, LineupScoreParts Parts, string Reason)
{
    public TimeSpan Slot { get; init; }
}
