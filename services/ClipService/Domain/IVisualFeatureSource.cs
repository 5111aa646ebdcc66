namespace Commerce.Clip.Domain;

/// <summary>
/// Visual signals of a session's video (frames sampled with ffmpeg, embedded by InferenceHost frame_embedder).
/// Throws <see cref="ScorerUnavailableException"/> when the embedder cannot be reached, so the job waits and retries.
/// </summary>
public interface IVisualFeatureSource
{
    Task<VisualFeatures> ExtractAsync(string videoPath, IReadOnlyList<ProductInfo> products, int durationSeconds, CancellationToken cancellationToken);
}

/// <summary>No visual signals (the product-on-screen and scene-stability columns stay 0, as in training).</summary>
public sealed class NoVisualFeatureSource : IVisualFeatureSource
{
    public Task<VisualFeatures> ExtractAsync(string videoPath, IReadOnlyList<ProductInfo> products, int durationSeconds, CancellationToken cancellationToken) =>
        Task.FromResult(VisualFeatures.None);
}
