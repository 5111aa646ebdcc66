using Commerce.Asr.Domain.Cues;

namespace Commerce.Asr.Domain.Suggestions;

/// <summary>What a suggestion can use: the cue, the product on air, its colours and sizes, the viewer's language.</summary>
public sealed record SuggestionContext(DetectedCue Cue, string Language, string? ProductName, IReadOnlyList<string> Colours, IReadOnlyList<string> Sizes);

/// <summary>
/// 2-4 short comments for a cue, from phrase templates per cue kind and language filled with what the host asked for
/// (the number, the product, a colour, a size). Templates are drawn with a seed so sets vary between cues; a comment
/// identical to one of the previous set of the room is skipped (no two identical suggestions in a row), and anything the
/// banned-word list rejects is dropped. Comments are capped at 40 characters (the proto's limit).
/// </summary>
public sealed class QuickCommentComposer(BannedWordFilter banned)
{
    public const int MaxLength = 40;

    public IReadOnlyList<string> Compose(SuggestionContext context, IReadOnlyCollection<string> previous, int seed)
    {
        var zh = context.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var candidates = Templates(context, zh).Select(t => Fill(t, context, zh)).Where(c => c.Length is > 0 and <= MaxLength).ToList();
        var random = new Random(seed);
        // The literal answer the host asked for ("1") always comes first; the rest are shuffled for variety.
        var head = candidates.Take(1);
        var tail = candidates.Skip(1).OrderBy(_ => random.Next());
        var result = new List<string>();
        foreach (var c in head.Concat(tail))
        {
            if (result.Count == 4) break;
            if (result.Contains(c, StringComparer.OrdinalIgnoreCase) || previous.Contains(c) || !banned.Allows(c)) continue;
            result.Add(c);
        }

        return result.Count >= 2 ? result : [];
    }

    private static IEnumerable<string> Templates(SuggestionContext c, bool zh)
    {
        var asked = c.Cue.RequestedComment ?? "1";
        return (c.Cue.Kind, zh) switch
        {
            (CueKind.CallForComment, true) => [asked, asked + asked + asked, $"{asked} 想要{{product}}", $"{asked} 要{{colour}}的", "已扣，求上链接", $"{asked}{asked} 冲"],
            (CueKind.CallForComment, false) => [asked, $"{asked} {asked} {asked}", $"{asked} want the {{product}}", $"{asked} in {{colour}} please", $"{asked}! need it", $"{asked}, me too"],
            (CueKind.Lottery, true) => ["参与抽奖", "想要福袋", "求中奖", "来了来了", "冲冲冲"],
            (CueKind.Lottery, false) => ["I'm in!", "Pick me!", "Count me in", "Hope I win the {product}", "Joining the giveaway"],
            (CueKind.SizeQuestion, true) => ["165cm 50kg 穿什么码", "160 45kg 选哪个码", "170cm 60kg 求推荐", "{size}码偏大吗", "微胖穿什么码"],
            (CueKind.SizeQuestion, false) => ["165cm 50kg, which size?", "5'4\" 120 lb, size?", "Is {size} true to size?", "170cm 65kg, what size?", "Does it run small?"],
            (CueKind.PriceReveal, true) => ["好划算", "这个价冲了", "有券吗", "{product}还有货吗", "想要"],
            (CueKind.PriceReveal, false) => ["Great price!", "Is there a coupon?", "Wow, that's a deal", "Is the {product} in stock?", "I'll take it"],
            (CueKind.Countdown, true) => ["马上拍", "还来得及吗", "已下单", "等等我", "冲冲冲"],
            (CueKind.Countdown, false) => ["Ordering now!", "Wait for me!", "Just ordered", "Is it still on?", "Grabbing it now"],
            (CueKind.LinkUp, true) => ["已拍", "抢到了", "拍{colour}的", "没抢到怎么办", "还有{size}码吗"],
            (CueKind.LinkUp, false) => ["Got it!", "Just bought one", "Ordered the {colour} one", "Sold out already?", "Any {size} left?"],
            (_, true) => ["喜欢", "想要{product}", "有{colour}的吗", "好看", "再讲讲"],
            (_, false) => ["Yes!", "Love it", "Want the {product}", "Show the {colour} one", "Tell us more"],
        };
    }

    private static string Fill(string template, SuggestionContext c, bool zh)
    {
        if (template.Contains("{product}") && c.ProductName is null) return "";
        if (template.Contains("{colour}") && c.Colours.Count == 0) return "";
        if (template.Contains("{size}") && c.Sizes.Count == 0) return "";
        return template.Replace("{product}", Short(c.ProductName ?? "", zh))
            .Replace("{colour}", c.Colours.Count > 0 ? c.Colours[0] : "")
            .Replace("{size}", c.Sizes.Count > 0 ? c.Sizes[Math.Min(1, c.Sizes.Count - 1)] : "");
    }

    // "Genuine Cowhide Leather Belt" -> "leather belt": the last two words name the thing; a viewer would not type more.
    private static string Short(string name, bool zh)
    {
        if (zh) return name.Length > 6 ? name[^4..] : name;
        var words = name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cut = Array.FindIndex(words, w => w == "with");
        if (cut > 0) words = words[..cut];
        return string.Join(' ', words.TakeLast(2));
    }
}
