namespace Commerce.Clip.Training;

/// <summary>The fixed seeds: training sessions and held-out sessions never share one.</summary>
public static class EvaluationSets
{
    public const int SessionSeconds = 900;

    public static IEnumerable<LabelledSession> Training() =>
        Enumerable.Range(1, 60).Select(seed => SessionGenerator.Generate(seed, SessionSeconds, productCount: 3 + seed % 2));

    public static IEnumerable<LabelledSession> HeldOut() =>
        Enumerable.Range(1001, 20).Select(seed => SessionGenerator.Generate(seed, SessionSeconds, productCount: 3 + seed % 2));
}
