using System.Text.RegularExpressions;

namespace Commerce.Clip.Domain;

/// <summary>
/// Word-level cues of live selling talk. English lexicons (the fixtures are synthesised in English); a Chinese
/// session would swap these lists (价格, 下单, 福利, 扣1) behind the same counts.
/// </summary>
public static partial class TextCues
{
    private static readonly HashSet<string> PriceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "price", "priced", "dollars", "dollar", "yuan", "discount", "off", "deal", "coupon", "cheap", "cheaper", "save",
        "only", "link", "stock", "grab", "order", "buy", "cart", "checkout", "limited", "units", "sold", "bargain",
    };

    private static readonly HashSet<string> HookWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "giveaway", "lucky", "draw", "free", "gift", "share", "follow", "everyone", "welcome", "newcomers", "comment",
        "join", "prize", "win", "invite", "friends", "surprise", "hello", "room",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "with", "for", "this", "that", "you", "your", "our", "are", "its", "it's", "has", "have", "very",
        "from", "into", "all", "one", "new", "set",
    };

    [GeneratedRegex(@"[A-Za-z0-9$']+")]
    private static partial Regex WordRegex();

    public static IReadOnlyList<string> Words(string text) =>
        WordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>Content words of a title or selling point (lower case, no stop words, at least 3 letters).</summary>
    public static IReadOnlyList<string> Keywords(string text) =>
        Words(text).Where(w => w.Length >= 3 && !StopWords.Contains(w)).Distinct().ToList();

    public static int PriceTalk(IReadOnlyList<string> words) =>
        words.Count(w => PriceWords.Contains(w) || w.StartsWith('$') || (w.Length > 0 && char.IsDigit(w[0])));

    public static int Hooks(IReadOnlyList<string> words) => words.Count(HookWords.Contains);

    public static int Count(IReadOnlyList<string> words, IReadOnlySet<string> keywords) => words.Count(keywords.Contains);
}
