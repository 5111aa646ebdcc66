using Commerce.InferenceClient;

namespace Commerce.Clip.Inference;

/// <summary>
/// frame_embedder on InferenceHost: RGB24 frames of 224x224 in, 512 features each back, in batches of the model's
/// max_batch_size (16; 9.6 MB a request).
/// </summary>
public sealed class FrameEmbedder(InferenceClient.InferenceClient inference)
{
    public const int BatchSize = 16;
    private const int Plane = FrameEmbedderTensors.Side * FrameEmbedderTensors.Side;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<byte[]> rgbFrames, CancellationToken cancellationToken)
    {
        var result = new float[rgbFrames.Count][];
        for (var start = 0; start < rgbFrames.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, rgbFrames.Count - start);
            var planar = new float[count * 3 * Plane];
            for (var i = 0; i < count; i++) ToPlanar(rgbFrames[start + i], planar.AsSpan(i * 3 * Plane, 3 * Plane));
            var features = await InferenceDependency.CallAsync(FleetModels.FrameEmbedder, () => inference.InferFloatsAsync(
                FleetModels.FrameEmbedder, FrameEmbedderTensors.Image, planar, [count, 3, FrameEmbedderTensors.Side, FrameEmbedderTensors.Side],
                FrameEmbedderTensors.Features, cancellationToken), cancellationToken);
            if (features.Length != count * FrameEmbedderTensors.FeatureCount)
            {
                throw new InvalidOperationException($"frame_embedder returned {features.Length} values for {count} frames");
            }

            for (var i = 0; i < count; i++)
            {
                result[start + i] = features.AsSpan(i * FrameEmbedderTensors.FeatureCount, FrameEmbedderTensors.FeatureCount).ToArray();
            }
        }

        return result;
    }

    private static void ToPlanar(byte[] rgb, Span<float> planes)
    {
        if (rgb.Length != 3 * Plane) throw new ArgumentException($"a frame of {rgb.Length} bytes is not {FrameEmbedderTensors.Side}x{FrameEmbedderTensors.Side} RGB");
        ImageTensors.ToPlanar(rgb, planes);
    }
}
