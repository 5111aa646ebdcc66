using Commerce.TryOn.Domain.Garments;

namespace Commerce.TryOn.Domain.Pipeline;

/// <summary>The garment_type model: a 28x28 Fashion-MNIST-style picture (see <see cref="FashionMnistPicture"/>) to ten class probabilities.</summary>
public interface IGarmentClassifier
{
    Task<IReadOnlyList<double>> ClassifyAsync(FashionMnistPicture picture, CancellationToken cancellationToken);
}

/// <summary>784 pixels, row-major, 0 = background, 255 = full ink (Fashion-MNIST's convention: the garment light on black).</summary>
public sealed record FashionMnistPicture(float[] Pixels);
