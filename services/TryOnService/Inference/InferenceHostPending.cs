using Commerce.ServiceDefaults.Errors;
using Commerce.TryOn.Domain.Pipeline;
using OpenCvSharp;

namespace Commerce.TryOn.Inference;

/// <summary>
/// Stand-in until InferenceHost's garment_type and tryon_composer are wired (its branch had only the client library when
/// this service was built): try-on answers FailedPrecondition with the reason instead of pretending. Size advice, photo
/// validation and storage work without it.
/// </summary>
public sealed class InferenceHostPending : IGarmentClassifier, ITryOnComposer
{
    private const string Message = "try-on rendering needs InferenceHost's garment_type and tryon_composer models, which this build does not reach yet";

    public Task<IReadOnlyList<double>> ClassifyAsync(FashionMnistPicture picture, CancellationToken cancellationToken) =>
        throw new PreconditionFailedException(Message);

    public Task<Mat> ComposeAsync(ComposerInputs inputs, CancellationToken cancellationToken) =>
        throw new PreconditionFailedException(Message);
}
