using System.Text.RegularExpressions;
using JiebaNet.Segmenter;

namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// Words for BM25 and the intent model: jieba for Chinese (domain words added so 偏大 or 真皮 stay whole), lower-case
/// words with a light plural strip for English. jieba's segmenter loads a 5 MB dictionary once (~1 s), then ~80 us a call.
/// </summary>
public static partial class TextTokenizer
{
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        var segmenter = new JiebaSegmenter();
        foreach (var word in ConceptLexicon.ChineseTerms) segmenter.AddWord(word);
        return segmenter;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly HashSet<string> EnglishStopWords =
    [
        "a", "an", "the", "is", "are", "was", "were", "be", "this", "that", "it", "its", "of", "to", "in", "on", "for",
        "and", "or", "do", "does", "did", "i", "me", "my", "you", "your", "we", "can", "could", "would", "will", "please",
        "with", "at", "by", "so", "if", "what", "how", "there", "any", "about", "just", "hi", "hello",
    ];

    private static readonly HashSet<string> ChineseStopWords = ["的", "了", "吗", "呢", "是", "吧", "啊", "呀", "我", "你", "这", "个", "这个", "请问", "一下", "么"];

    public static IReadOnlyList<string> Tokenize(string text, string language)
    {
        var lower = text.ToLowerInvariant();
        var tokens = new List<string>();
        if (language == TextLanguage.Chinese)
        {
            foreach (var word in Jieba.Value.Cut(lower))
            {
                var w = word.Trim();
                if (w.Length == 0 || !w.Any(char.IsLetterOrDigit) || ChineseStopWords.Contains(w)) continue;
                tokens.Add(w);
            }

            return tokens;
        }

        foreach (Match m in EnglishWord().Matches(lower))
        {
            var w = m.Value;
            if (EnglishStopWords.Contains(w)) continue;
            tokens.Add(Stem(w));
        }

        return tokens;
    }

    /// <summary>Enough stemming for short questions: plurals and -ing, not a Porter stemmer.</summary>
    private static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) return w[..^3];
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) return w[..^1];
        return w;
    }

    [GeneratedRegex(@"[a-z0-9]+(?:'[a-z]+)?")]
    private static partial Regex EnglishWord();
}
