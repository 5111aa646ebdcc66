using Commerce.Asr.Domain.LanguageModel;

namespace Commerce.Asr.Domain.Sessions;

/// <summary>
/// Which product the host is presenting: a product named in the utterance (two or more of its distinctive title words,
/// or its Chinese title's core) wins; otherwise the product stays what it was; before any mention, the line-up's slot
/// for the utterance's time decides. Hosts name the product when they switch, and then say "this one" for minutes.
/// </summary>
public sealed class ProductTracker
{
    private static readonly HashSet<string> Stop = ["the", "a", "an", "with", "and", "for", "of", "in", "set", "case", "new"];

    private readonly IReadOnlyList<(string ProductId, HashSet<string> Words, string? Zh)> _products;
    private readonly LiveSession _session;

    public ProductTracker(LiveSession session, IEnumerable<ProductFacts> products)
    {
        _session = session;
        var byId = products.ToDictionary(p => p.ProductId);
        var ids = session.Lineup.Select(l => l.ProductId).Concat(byId.Keys).Distinct();
        _products = ids.Select(id =>
        {
            var title = byId.TryGetValue(id, out var p) ? p.Title : session.Lineup.First(l => l.ProductId == id).Title;
            var words = SpokenText.Words(title).Where(w => !Stop.Contains(w) && w.Length > 2).ToHashSet();
            var zh = p?.TitleZh is { Length: >= 2 } z ? z : null;
            return (id, words, zh);
        }).ToList();
    }

    public string? Current { get; private set; }

    public string? Observe(string text, int startMs)
    {
        var words = SpokenText.Words(text).ToHashSet();
        string? best = null;
        var bestScore = 0;
        foreach (var (id, titleWords, zh) in _products)
        {
            var score = titleWords.Count(words.Contains);
            if (zh is not null && ZhMentioned(text, zh)) score += 2;
            if (score > bestScore) { best = id; bestScore = score; }
        }

        if (best is not null && (bestScore >= 2 || bestScore == _products.First(p => p.ProductId == best).Words.Count))
        {
            Current = best;
        }
        else if (Current is null)
        {
            var second = startMs / 1000;
            Current = _session.Lineup.FirstOrDefault(l => second >= l.StartSecond && second < l.EndSecond)?.ProductId;
        }

        return Current;
    }

    // A Chinese title is long ("头层牛皮男士皮带"); hosts say its last few characters ("皮带"), so any 2-char tail
    // fragment of at least two characters counts.
    private static bool ZhMentioned(string text, string zh)
    {
        for (var len = Math.Min(4, zh.Length); len >= 2; len--)
            if (text.Contains(zh[^len..], StringComparison.Ordinal)) return true;
        return false;
    }
}
