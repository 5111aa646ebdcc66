using Commerce.Clip.Domain;
using Commerce.Clip.Media;
using Commerce.InferenceClient;

namespace Commerce.Clip.Inference;

/// <summary>
/// Visual signals of a session from InferenceHost's frame_embedder: one frame a second sampled by ffmpeg at 224x224,
/// embedded in batches while ffmpeg keeps decoding, compared with each product's own pictures
/// (<see cref="VisualSignals"/>). An unreachable host is <see cref="ScorerUnavailableException"/>: the job waits.
/// </summary>
public sealed class FrameEmbedderVisualSource(FrameEmbedder embedder, IProductImageSource productImages) : IVisualFeatureSource
{
    public async Task<VisualFeatures> ExtractAsync(string videoPath, IReadOnlyList<ProductInfo> products, int durationSeconds,
        CancellationToken cancellationToken)
    {
        var references = new Dictionary<string, IReadOnlyList<float[]>>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            var paths = await productImages.ImagePathsAsync(product, cancellationToken);
            if (paths.Count == 0) continue;
            var pictures = new List<byte[]>();
            foreach (var path in paths) pictures.Add(await FrameSampler.ReadImageAsync(path, FrameEmbedderTensors.Side, cancellationToken));
            references[product.ProductId] = await embedder.EmbedAsync(pictures, cancellationToken);
        }

        var frames = new List<float[]>(durationSeconds + 1);
        var batch = new List<byte[]>(FrameEmbedder.BatchSize);
        await foreach (var frame in FrameSampler.SampleAsync(videoPath, FrameEmbedderTensors.Side, 1, cancellationToken))
        {
            batch.Add(frame);
            if (batch.Count < FrameEmbedder.BatchSize) continue;
            frames.AddRange(await embedder.EmbedAsync(batch, cancellationToken));
            batch.Clear();
        }

        if (batch.Count > 0) frames.AddRange(await embedder.EmbedAsync(batch, cancellationToken));
        return VisualSignals.From(frames, references, durationSeconds);
    }
}
