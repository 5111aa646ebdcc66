using Commerce.InferenceClient;
using Commerce.TryOn.Domain.Pipeline;

namespace Commerce.TryOn.Inference;

/// <summary>garment_type on InferenceHost: the Fashion-MNIST-style picture scaled to the model's 0..1 ink.</summary>
public sealed class InferenceGarmentClassifier(InferenceClient.InferenceClient inference) : IGarmentClassifier
{
    public async Task<IReadOnlyList<double>> ClassifyAsync(FashionMnistPicture picture, CancellationToken cancellationToken)
    {
        var pixels = picture.Pixels.Select(p => p / 255f).ToArray();
        var scores = await InferenceDependency.CallAsync(FleetModels.GarmentType, () => inference.InferFloatsAsync(
            FleetModels.GarmentType, GarmentTypeTensors.Pixels, pixels, [1, pixels.Length], GarmentTypeTensors.Scores, cancellationToken));
        return scores.Select(s => (double)s).ToArray();
    }
}
