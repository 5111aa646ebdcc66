namespace Commerce.Reco.Domain;

/// <summary>Scores a candidate from its <see cref="RankingFeatures"/>; higher is better.</summary>
public interface IRanker
{
    string Name { get; }

    float Score(float[] features);
}

/// <summary>
/// Hand-set weights, used until enough interactions are logged to train the learned ranker (and as its baseline in the
/// evaluation). The weights say what a merchandiser would: what the buyer did recently counts most.
/// </summary>
public sealed class HeuristicRanker : IRanker
{
    private static readonly float[] Weights =
        [
            1.0f, 1.0f, 0.6f, 0.6f, 0.8f, 0.4f, 0.3f, 0.8f, 0.3f, 0.6f, -0.2f, 0.3f, -0.01f, 0.2f, 0.5f, 0.1f, 1.0f,
            0.5f, 0.1f, 0.05f, 0.3f, 0.3f, 1.0f, 0.5f, -0.01f,
        ];

    public string Name => "heuristic";

    public float Score(float[] features)
    {
        var s = 0f;
        for (var i = 0; i < Weights.Length; i++) s += Weights[i] * features[i];
        return s;
    }
}
