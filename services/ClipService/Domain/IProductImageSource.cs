namespace Commerce.Clip.Domain;

/// <summary>A product's own pictures (local files) to compare frames with; none is allowed (no similarity series then).</summary>
public interface IProductImageSource
{
    Task<IReadOnlyList<string>> ImagePathsAsync(ProductInfo product, CancellationToken cancellationToken);
}
