namespace Commerce.Clip.Domain;

/// <summary>
/// Per-second visual signals from frame embeddings (one frame a second): cosine similarity of each second's frame to
/// each product's image embedding, and scene stability, the cosine of consecutive frames (a cut or a camera move
/// drops it). Embeddings need not be normalised; a product with several images is the mean of their unit vectors.
/// </summary>
public static class VisualSignals
{
    public static VisualFeatures From(IReadOnlyList<float[]> frames, IReadOnlyDictionary<string, IReadOnlyList<float[]>> productImages,
        int durationSeconds)
    {
        var seconds = Math.Min(durationSeconds, frames.Count);
        var unitFrames = frames.Take(seconds).Select(Unit).ToArray();
        var similarity = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (productId, images) in productImages)
        {
            if (images.Count == 0) continue;
            var reference = Unit(Mean(images.Select(Unit).ToList()));
            var series = new double[durationSeconds];
            for (var s = 0; s < seconds; s++) series[s] = Dot(unitFrames[s], reference);
            similarity[productId] = series;
        }

        var stability = new double[durationSeconds];
        for (var s = 1; s < seconds; s++) stability[s] = Dot(unitFrames[s - 1], unitFrames[s]);
        if (seconds > 1) stability[0] = stability[1];
        return new VisualFeatures(similarity, stability);
    }

    public static double Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"embeddings of {a.Length} and {b.Length} values");
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * (double)b[i];
        return sum;
    }

    public static float[] Unit(float[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        return norm == 0 ? v : v.Select(x => (float)(x / norm)).ToArray();
    }

    private static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var v in vectors)
        {
            for (var i = 0; i < mean.Length; i++) mean[i] += v[i] / vectors.Count;
        }

        return mean;
    }
}
