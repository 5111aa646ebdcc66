using Commerce.TryOn.Domain.Garments;
using Commerce.TryOn.Domain.Pipeline;

namespace Commerce.TryOn.Tests.Fixtures;

/// <summary>TEST ONLY: a garment_type stand-in answering one class with certainty, for tests of storage and access that
/// need no models; <see cref="TryOnThroughInferenceHostTests"/> runs the real one.</summary>
public sealed class FixedClassifier(GarmentClass answer) : IGarmentClassifier
{
    public Task<IReadOnlyList<double>> ClassifyAsync(FashionMnistPicture picture, CancellationToken cancellationToken)
    {
        var p = new double[10];
        p[(int)answer] = 1;
        return Task.FromResult<IReadOnlyList<double>>(p);
    }
}
