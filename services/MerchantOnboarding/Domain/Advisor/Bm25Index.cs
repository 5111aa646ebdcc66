namespace Commerce.Onboarding.Domain.Advisor;

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75) over the passages. Besides the raw score it reports coverage: the share of the
/// query's IDF mass the passage matches, 0-1, which is comparable across questions and is what "I don't know" is
/// decided on (a high BM25 from one common word is not an answer).
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2, B = 0.75;
    private readonly TextTokenizer _tokenizer;
    private readonly List<(PolicyPassage Passage, Dictionary<string, int> Terms, int Length)> _docs = [];
    private readonly Dictionary<string, int> _documentFrequency = [];
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<PolicyPassage> passages, TextTokenizer tokenizer)
    {
        _tokenizer = tokenizer;
        foreach (var passage in passages)
        {
            var tokens = tokenizer.Tokens(passage.Title + " " + passage.Section + " " + passage.Text);
            var terms = tokens.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            _docs.Add((passage, terms, tokens.Count));
            foreach (var term in terms.Keys) _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }

        _averageLength = _docs.Count == 0 ? 1 : _docs.Average(d => d.Length);
    }

    public int Count => _docs.Count;

    private double Idf(string term)
    {
        var n = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + (_docs.Count - n + 0.5) / (n + 0.5));
    }

    public IReadOnlyList<PolicyHit> Search(string query, string? language, int top)
    {
        var terms = _tokenizer.Tokens(query).Distinct().ToList();
        if (terms.Count == 0) return [];
        var idfs = terms.ToDictionary(t => t, Idf);
        var mass = idfs.Values.Sum();
        var hits = new List<PolicyHit>();
        foreach (var (passage, docTerms, length) in _docs)
        {
            if (language is not null && passage.Language != language) continue;
            double score = 0, matched = 0;
            foreach (var term in terms)
            {
                if (!docTerms.TryGetValue(term, out var tf)) continue;
                score += idfs[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _averageLength));
                matched += idfs[term];
            }

            if (score > 0) hits.Add(new PolicyHit(passage, score, mass > 0 ? matched / mass : 0));
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Passage.DocumentId, StringComparer.Ordinal).Take(top).ToList();
    }
}
