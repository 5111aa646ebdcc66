namespace Commerce.Clip.Domain;

/// <summary>
/// Per-second visual signals of a session (from sampled frames): how much the frame looks like each product's own
/// images (cosine similarity of frame embeddings), and how stable the scene is. Seconds without a sampled frame hold 0.
/// </summary>
public sealed record VisualFeatures(IReadOnlyDictionary<string, double[]> ProductSimilarity, double[] SceneStability)
{
    public static readonly VisualFeatures None = new(new Dictionary<string, double[]>(), []);

    public bool IsEmpty => SceneStability.Length == 0;
}
