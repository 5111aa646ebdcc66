namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// Corpus statistics for BM25 (Robertson and Zaragoza, k1 = 1.2, b = 0.75) over every fact of every product: a
/// question is scored only against one product's facts, but a word's rarity is judged across the whole catalog.
/// </summary>
public sealed class Bm25Statistics
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private long _documents;
    private long _totalLength;
    private readonly Lock _gate = new();

    public void Add(IReadOnlyCollection<string> distinctTerms, int length)
    {
        lock (_gate)
        {
            _documents++;
            _totalLength += length;
            foreach (var t in distinctTerms) _documentFrequency[t] = _documentFrequency.GetValueOrDefault(t) + 1;
        }
    }

    public void Remove(IReadOnlyCollection<string> distinctTerms, int length)
    {
        lock (_gate)
        {
            _documents--;
            _totalLength -= length;
            foreach (var t in distinctTerms)
            {
                var df = _documentFrequency.GetValueOrDefault(t) - 1;
                if (df <= 0) _documentFrequency.Remove(t);
                else _documentFrequency[t] = df;
            }
        }
    }

    public double Score(IReadOnlyList<string> query, IReadOnlyList<string> document)
    {
        lock (_gate)
        {
            if (_documents == 0 || document.Count == 0) return 0;
            var avg = (double)_totalLength / _documents;
            double score = 0;
            foreach (var term in query.Distinct())
            {
                var tf = 0;
                foreach (var d in document) if (d == term) tf++;
                if (tf == 0) continue;
                var df = _documentFrequency.GetValueOrDefault(term);
                var idf = Math.Log(1 + (_documents - df + 0.5) / (df + 0.5));
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * document.Count / avg));
            }

            return score;
        }
    }
}
