using JiebaNet.Segmenter;

namespace Commerce.Onboarding.Domain.Advisor;

/// <summary>
/// Words for retrieval: jieba (search mode, so "保证金" also yields "保证") for Chinese runs, lower-cased words for
/// Latin runs, stop words and punctuation dropped. jieba loads its dictionary once (about a second) on first use.
/// </summary>
public sealed class TextTokenizer
{
    private static readonly string[] DomainWords = ["扣1", "保证金", "新商", "冷启动", "流量扶持", "试营业", "免保证金", "开店", "直播间", "极限词"];

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        var segmenter = new JiebaSegmenter();
        foreach (var word in DomainWords) segmenter.AddWord(word);
        return segmenter;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly HashSet<string> StopWords =
    [
        "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "do", "does", "i", "my", "me", "we", "you",
        "it", "can", "how", "what", "when", "which", "who", "with", "at", "by", "if", "this", "that", "there", "as", "from", "much", "many",
        "的", "了", "吗", "呢", "是", "我", "我们", "你", "在", "有", "和", "怎么", "什么", "多少", "要", "吧", "啊", "能", "会", "可以", "如何", "哪些",
    ];

    public IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var lower = text.ToLowerInvariant();
        var latin = new System.Text.StringBuilder();
        var cjk = new System.Text.StringBuilder();
        void FlushLatin()
        {
            if (latin.Length == 0) return;
            var word = latin.ToString();
            if (!StopWords.Contains(word)) tokens.Add(Stem(word));
            latin.Clear();
        }

        void FlushCjk()
        {
            if (cjk.Length == 0) return;
            foreach (var w in Segmenter.Value.CutForSearch(cjk.ToString()))
            {
                if (!string.IsNullOrWhiteSpace(w) && !StopWords.Contains(w)) tokens.Add(w);
            }

            cjk.Clear();
        }

        foreach (var c in lower)
        {
            if (IsCjk(c))
            {
                FlushLatin();
                cjk.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                FlushCjk();
                latin.Append(c);
            }
            else
            {
                FlushLatin();
                FlushCjk();
            }
        }

        FlushLatin();
        FlushCjk();
        return tokens;
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>A crude plural strip ("deposits" = "deposit"): enough for a policy base of a few dozen passages.</summary>
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
