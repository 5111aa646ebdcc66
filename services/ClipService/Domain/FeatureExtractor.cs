namespace Commerce.Clip.Domain;

/// <summary>
/// The clip_scorer's input: one row per (candidate, kind). The same code builds training rows and serving rows, so
/// the model never sees features computed differently from how it was trained.
/// </summary>
public static class FeatureExtractor
{
    public static readonly IReadOnlyList<string> Names =
    [
        "length", "mention_density", "selling_point_density", "price_density", "hook_density", "on_air_purity",
        "explained_fraction", "starts_at_switch", "ends_at_switch", "order_z_mean", "order_z_max", "order_spike_coverage",
        "order_spike_recall", "social_z_mean", "social_spike_coverage", "social_spike_recall", "viewer_z_mean",
        "price_density_margin", "hook_density_margin", "mention_density_margin", "speech_fraction",
        "product_on_screen", "scene_stability", "kind_product_explanation", "kind_hot_item", "kind_traffic_driver",
    ];

    public static int Count => Names.Count;

    private const int Margin = 12;
    private const int RecallReach = 45;

    public static float[] Row(SignalTimeline t, Candidate c, ClipKind kind, VisualFeatures visual)
    {
        var f = new float[Count];
        Fill(t, c, visual, f);
        f[23 + (int)kind] = 1;
        return f;
    }

    /// <summary>Fills the kind-independent part (all but the last three columns).</summary>
    public static void Fill(SignalTimeline t, Candidate c, VisualFeatures visual, Span<float> f)
    {
        int s = c.StartSecond, e = c.EndSecond;
        double len = Math.Max(1, e - s);
        var p = t.ProductIndex(c.MainProductId);
        var marginLen = Math.Max(1, Math.Min(s, Margin) + Math.Min(t.Duration - e, Margin));
        double Margined(Prefix x) => (x.Sum(s - Margin, s) + x.Sum(e, e + Margin)) / marginLen * 10;

        f[0] = (float)(len / CandidateGenerator.MaxSeconds);
        f[1] = p < 0 ? 0 : (float)(t.Mentions[p].Sum(s, e) / len * 10);
        f[2] = p < 0 ? 0 : (float)(t.SellingPoints[p].Sum(s, e) / len * 10);
        f[3] = (float)(t.Price.Sum(s, e) / len * 10);
        f[4] = (float)(t.Hooks.Sum(s, e) / len * 10);
        var lines = t.Lines.Sum(s, e);
        f[5] = p < 0 || lines == 0 ? 0 : (float)(t.OnAir[p].Sum(s, e) / lines);
        f[6] = p < 0 ? 0 : (float)(t.Explained[p].Sum(s, e) / len);
        f[7] = NearSwitch(t, s) ? 1 : 0;
        f[8] = NearSwitch(t, e) ? 1 : 0;
        f[9] = (float)t.OrderZSum.Mean(s, e);
        f[10] = (float)Max(t.OrderZ, s, e);
        var orderSpikes = t.OrderSpikes.Sum(s, e);
        f[11] = (float)(orderSpikes / len);
        f[12] = (float)Recall(t.OrderSpikes, s, e);
        f[13] = (float)t.SocialZSum.Mean(s, e);
        f[14] = (float)(t.SocialSpikes.Sum(s, e) / len);
        f[15] = (float)Recall(t.SocialSpikes, s, e);
        f[16] = (float)t.ViewerZSum.Mean(s, e);
        f[17] = (float)(Margined(t.Price) - f[3]);
        f[18] = (float)(Margined(t.Hooks) - f[4]);
        f[19] = p < 0 ? 0 : (float)(Margined(t.Mentions[p]) + Margined(t.SellingPoints[p]) - f[1] - f[2]);
        f[20] = (float)(t.Speech.Sum(s, e) / len);
        if (!visual.IsEmpty)
        {
            f[21] = c.MainProductId is { } pid && visual.ProductSimilarity.TryGetValue(pid, out var sim) ? (float)MeanOf(sim, s, e) : 0;
            f[22] = (float)MeanOf(visual.SceneStability, s, e);
        }
    }

    private static bool NearSwitch(SignalTimeline t, int second)
    {
        for (var d = -1; d <= 1; d++)
        {
            var i = second + d;
            if (i >= 0 && i < t.Switches.Length && t.Switches[i]) return true;
        }

        return false;
    }

    private static double Max(double[] series, int from, int to)
    {
        var max = 0.0;
        for (var i = Math.Max(0, from); i < Math.Min(series.Length, to); i++) max = Math.Max(max, series[i]);
        return max;
    }

    private static double Recall(Prefix spikes, int s, int e)
    {
        var around = spikes.Sum(s - RecallReach, e + RecallReach);
        return around == 0 ? 0 : spikes.Sum(s, e) / around;
    }

    private static double MeanOf(double[] series, int from, int to)
    {
        from = Math.Clamp(from, 0, series.Length);
        to = Math.Clamp(to, 0, series.Length);
        if (to <= from) return 0;
        double sum = 0;
        for (var i = from; i < to; i++) sum += series[i];
        return sum / (to - from);
    }
}
