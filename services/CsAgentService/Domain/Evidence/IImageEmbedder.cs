namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>
/// Image features for "does this photo show the product?". Production: InferenceHost's frame_embedder (ResNet18, 512-d)
/// over the Open Inference Protocol; without it, <see cref="ColourLayoutEmbedder"/>.
/// </summary>
public interface IImageEmbedder
{
    Task<float[]> EmbedAsync(DecodedImage image, CancellationToken cancellationToken);
}
