namespace Commerce.Reco.Domain;

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75) over word-split documents: how Chinese category texts are compared, since the
/// English MiniLM model has no Chinese vocabulary. Scores are normalised by the query's self-score, to 0-1.
/// </summary>
public sealed class Bm25
{
    private const double K1 = 1.2, B = 0.75;
    private readonly List<Dictionary<string, int>> _docs = [];
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private double _avgLength;

    public Bm25(IEnumerable<IReadOnlyList<string>> documents)
    {
        foreach (var doc in documents)
        {
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var w in doc.Where(w => !string.IsNullOrWhiteSpace(w))) tf[w] = tf.GetValueOrDefault(w) + 1;
            _docs.Add(tf);
            foreach (var w in tf.Keys) _df[w] = _df.GetValueOrDefault(w) + 1;
        }

        _avgLength = _docs.Count == 0 ? 1 : Math.Max(1, _docs.Average(d => d.Values.Sum()));
    }

    public int Count => _docs.Count;

    private double Idf(string w) => Math.Log(1 + (_docs.Count - _df.GetValueOrDefault(w) + 0.5) / (_df.GetValueOrDefault(w) + 0.5));

    public double Score(int query, int doc)
    {
        var d = _docs[doc];
        var length = d.Values.Sum();
        var score = 0.0;
        foreach (var w in _docs[query].Keys)
        {
            if (!d.TryGetValue(w, out var tf)) continue;
            score += Idf(w) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _avgLength));
        }

        return score;
    }

    /// <summary>Score of <paramref name="doc"/> for the words of <paramref name="query"/>, divided by the query's own score.</summary>
    public double Similarity(int query, int doc)
    {
        var self = Score(query, query);
        return self <= 0 ? 0 : Math.Clamp(Score(query, doc) / self, 0, 1);
    }
}
