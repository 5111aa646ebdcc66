using System.Globalization;
using System.Text;

namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>
/// A bigram ARPA model with interpolated Witten-Bell smoothing (Witten and Bell 1991, as in SRILM's -wbdiscount):
/// P(w|h) = (c(h,w) + T(h) P(w)) / (c(h) + T(h)), with T(h) the number of distinct followers of h, and a backoff weight
/// alpha(h) that gives the unseen followers exactly the left-over mass. Small corpora (a session's script and catalog,
/// a few hundred sentences) are where Witten-Bell behaves better than Good-Turing, whose counts-of-counts are too sparse.
/// </summary>
public sealed class ArpaModelBuilder
{
    private readonly Dictionary<string, double> _unigrams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _bigrams = new(StringComparer.Ordinal);

    public const string Start = "<s>";
    public const string End = "</s>";

    /// <summary>Adds one sentence (already normalised words), counted <paramref name="weight"/> times.</summary>
    public void AddSentence(IReadOnlyList<string> words, double weight = 1)
    {
        if (words.Count == 0 || weight <= 0) return;
        var previous = Start;
        Count(_unigrams, Start, weight);
        foreach (var w in words.Append(End))
        {
            Count(_unigrams, w, weight);
            if (!_bigrams.TryGetValue(previous, out var followers)) _bigrams[previous] = followers = new Dictionary<string, double>(StringComparer.Ordinal);
            Count(followers, w, weight);
            previous = w;
        }
    }

    /// <summary>Words of the model, without the sentence markers.</summary>
    public IEnumerable<string> Vocabulary => _unigrams.Keys.Where(w => w is not Start and not End);

    public BigramModel Build()
    {
        // <s> is never predicted: its unigram mass is excluded, as SRILM does (it gets the ARPA -99 placeholder).
        var total = _unigrams.Where(kv => kv.Key != Start).Sum(kv => kv.Value);
        var unigram = _unigrams.Where(kv => kv.Key != Start).ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal);
        var bigram = new Dictionary<(string, string), double>();
        var backoff = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (history, followers) in _bigrams)
        {
            var c = followers.Values.Sum();
            var t = followers.Count;
            double seenMass = 0, seenUnigramMass = 0;
            foreach (var (w, cw) in followers)
            {
                var p = (cw + t * unigram[w]) / (c + t);
                bigram[(history, w)] = p;
                seenMass += p;
                seenUnigramMass += unigram[w];
            }

            var leftover = Math.Max(1 - seenMass, 1e-12);
            var unseenUnigram = Math.Max(1 - seenUnigramMass, 1e-12);
            backoff[history] = leftover / unseenUnigram;
        }

        return new BigramModel(unigram, bigram, backoff);
    }

    private static void Count(Dictionary<string, double> counts, string key, double weight) =>
        counts[key] = counts.GetValueOrDefault(key) + weight;
}

/// <summary>A built bigram model: probabilities (not logs) and backoff weights; writes itself as ARPA text.</summary>
public sealed class BigramModel(
    IReadOnlyDictionary<string, double> unigram,
    IReadOnlyDictionary<(string History, string Word), double> bigram,
    IReadOnlyDictionary<string, double> backoff)
{
    public IReadOnlyDictionary<string, double> Unigram { get; } = unigram;

    public IReadOnlyDictionary<(string History, string Word), double> Bigram { get; } = bigram;

    public IReadOnlyDictionary<string, double> Backoff { get; } = backoff;

    /// <summary>P(word | history) with backoff, for checking that each history's distribution sums to one.</summary>
    public double Probability(string history, string word)
    {
        if (Bigram.TryGetValue((history, word), out var p)) return p;
        return Backoff.GetValueOrDefault(history, 1) * Unigram.GetValueOrDefault(word);
    }

    public string ToArpa()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("\\data\\\n");
        sb.Append(inv, $"ngram 1={Unigram.Count + 1}\n");
        sb.Append(inv, $"ngram 2={Bigram.Count}\n\n");
        sb.Append("\\1-grams:\n");
        sb.Append(inv, $"-99.0000 {ArpaModelBuilder.Start} {Math.Log10(Backoff.GetValueOrDefault(ArpaModelBuilder.Start, 1)):F4}\n");
        foreach (var (w, p) in Unigram.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(inv, $"{Math.Log10(p):F4} {w}");
            if (Backoff.TryGetValue(w, out var b)) sb.Append(inv, $" {Math.Log10(b):F4}");
            sb.Append('\n');
        }

        sb.Append("\n\\2-grams:\n");
        foreach (var ((h, w), p) in Bigram.OrderBy(kv => kv.Key.History, StringComparer.Ordinal).ThenBy(kv => kv.Key.Word, StringComparer.Ordinal))
            sb.Append(inv, $"{Math.Log10(p):F4} {h} {w}\n");
        sb.Append("\n\\end\\\n");
        return sb.ToString();
    }
}
