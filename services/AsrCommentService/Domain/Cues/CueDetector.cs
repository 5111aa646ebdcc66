using System.Globalization;
using System.Text.RegularExpressions;

namespace Commerce.Asr.Domain.Cues;

/// <summary>
/// Rule-based cue detection for Chinese and English host speech. Rules, not a classifier: the phrases of live selling
/// are formulaic ("扣1", "上链接", "comment one"), the labelled set is small, and a rule that fires can say what was asked
/// for (the number, the minutes, the price). Each rule is anchored on the phrase's grammar so near-misses stay out
/// ("扣子" is a button, "the link between comfort and style" is not a link going up). A general question to the
/// audience is reported only when no more specific cue explains the utterance.
/// </summary>
public static partial class CueDetector
{
    public static IReadOnlyList<DetectedCue> Detect(string text)
    {
        var cues = new List<DetectedCue>();
        var t = text.Trim();
        if (t.Length == 0) return cues;
        var lower = t.ToLowerInvariant();

        if (Match(ZhCallForComment(), t, out var m) || Match(EnCallForComment(), lower, out m))
            cues.Add(new DetectedCue { Kind = CueKind.CallForComment, Trigger = m.Value.Trim(), RequestedComment = Requested(m.Groups["what"].Value) });
        if (Match(ZhLottery(), t, out m) || Match(EnLottery(), lower, out m))
            cues.Add(new DetectedCue { Kind = CueKind.Lottery, Trigger = m.Value.Trim() });
        if (Match(ZhSize(), t, out m) || Match(EnSize(), lower, out m))
            cues.Add(new DetectedCue { Kind = CueKind.SizeQuestion, Trigger = m.Value.Trim() });
        if (Match(ZhCountdown(), t, out m) || Match(EnCountdown(), lower, out m))
            cues.Add(new DetectedCue { Kind = CueKind.Countdown, Trigger = m.Value.Trim(), Countdown = Duration(m.Groups["n"].Value, m.Groups["unit"].Value) });
        if (Match(ZhPrice(), t, out m) || Match(EnPrice(), lower, out m))
            cues.Add(new DetectedCue { Kind = CueKind.PriceReveal, Trigger = m.Value.Trim(), Price = Number(m.Groups["p"].Value) });
        if (Match(ZhLinkUp(), t, out m) || Match(EnLinkUp(), lower, out m))
            cues.Add(new DetectedCue { Kind = CueKind.LinkUp, Trigger = m.Value.Trim() });
        if (!cues.Any(c => c.Kind is CueKind.SizeQuestion or CueKind.CallForComment)
            && (Match(ZhQuestion(), t, out m) || Match(EnQuestion(), lower, out m)))
            cues.Add(new DetectedCue { Kind = CueKind.AudienceQuestion, Trigger = m.Value.Trim(), Confidence = 0.7 });
        return cues;
    }

    private static bool Match(Regex regex, string text, out Match match)
    {
        match = regex.Match(text);
        return match.Success;
    }

    private static string? Requested(string what)
    {
        if (what.Length == 0) return null;
        var n = Number(what);
        return n is null ? what.Trim('"', '“', '”', ' ') : n.Value.ToString(CultureInfo.InvariantCulture);
    }

    private static TimeSpan? Duration(string n, string unit)
    {
        var value = Number(n);
        if (value is null) return null;
        var seconds = unit.StartsWith('秒') || unit.StartsWith("sec", StringComparison.Ordinal) ? (double)value.Value : (double)value.Value * 60;
        return TimeSpan.FromSeconds(seconds);
    }

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3, ["四"] = 4, ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9, ["十"] = 10,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["sixty"] = 60,
    };

    /// <summary>Digits or a single number word; null otherwise.</summary>
    public static decimal? Number(string s)
    {
        s = s.Trim();
        if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
        return NumberWords.TryGetValue(s, out var n) ? n : null;
    }

    // ---- Chinese
    // 扣/打/刷/评论 + what to type; "扣子" (button) and "打折" (discount) are excluded by requiring a number or a quoted word.
    [GeneratedRegex(@"(?:公屏|评论区|屏幕上)?(?:扣|打|刷|评论)(?:个|一波|波)?\s*[""“]?(?<what>[0-9]+|[一二三四五六七八九](?![折件分天下])|想要|要|好|有|爱了)[""”]?")]
    private static partial Regex ZhCallForComment();

    [GeneratedRegex(@"抽奖|福袋|免单|抽(?:[0-9一二三四五六七八九十]+)(?:个|位|名)|送出?(?:[0-9一二三四五六七八九十]+)(?:个|份|单)|红包雨|发红包")]
    private static partial Regex ZhLottery();

    [GeneratedRegex(@"(?:报|说|告诉我|打|发|留)(?:一下|下)?(?:你们的|你的|宝宝们的)?(?:身高|体重)|身高体重|(?:穿|选|拍)(?:多大|什么码|几码|哪个码)|多高多重|多大码|什么尺码")]
    private static partial Regex ZhSize();

    [GeneratedRegex(@"(?<n>[0-9]+|[一二三五十两]+)\s*(?<unit>分钟|秒)(?:后|之后|以后|内|钟后)?[^。！!？?]{0,6}?(?:恢复原价|结束|截止|下架|涨价|恢复|没有了|就没了)|倒计时|最后(?<n>[0-9]+|[一二三五十两]+)\s*(?<unit>秒|分钟)")]
    private static partial Regex ZhCountdown();

    [GeneratedRegex(@"(?:到手价|价格|只要|仅需|只需|直降|券后|福利价|今天|现在)[^0-9。，,]{0,4}(?<p>[0-9]+(?:\.[0-9]+)?)\s*(?:元|块|米)")]
    private static partial Regex ZhPrice();

    [GeneratedRegex(@"上链接|链接(?:已经)?(?:上|来|放)(?:了|好了)|(?:小)?黄车(?:里)?(?:已经)?(?:上|有)了|[0-9一二三四五六七八九]+号链接(?:上了|已经上|开拍)|开拍")]
    private static partial Regex ZhLinkUp();

    [GeneratedRegex(@"(?:你们|宝宝们|家人们|姐妹们|大家|你)[^。！!]{0,12}(?:喜欢吗|要不要|想不想|喜不喜欢|好不好看|有没有|吗|呢)[？?]?|[？?]$")]
    private static partial Regex ZhQuestion();

    // ---- English
    [GeneratedRegex(@"\b(?:comment|type|drop|put|send|spam|leave)\s+(?:a\s+|an\s+|the\s+number\s+|number\s+)?[""']?(?<what>\d+|one|two|three|yes|me|want)\b(?!\s+of\b)(?!\s+(?:more|time|second|minute)s?\b)")]
    private static partial Regex EnCallForComment();

    [GeneratedRegex(@"\b(?:giveaway|give\s?away|lottery|lucky draw|raffle|prize draw|free gift|(?:win|winning)\s+(?:a|one|this|these|the)\b)")]
    private static partial Regex EnLottery();

    [GeneratedRegex(@"\b(?:(?:tell|give|send|drop|share)\s+(?:me|us)\s+your\s+(?:height|weight|size)|your\s+height\s+and\s+weight|what size\s+(?:do|are|should|would)\s+you|how tall are you|which size do you)\b")]
    private static partial Regex EnSize();

    [GeneratedRegex(@"\b(?:(?:price|deal|offer|sale)\b.*\b(?:ends?\s+)?in\s+(?<n>\d+|one|two|three|five|ten|fifteen|thirty|sixty)\s+(?<unit>minutes?|seconds?)\b|(?:in|for|only|last|next)\s+(?<n>\d+|one|two|three|five|ten|fifteen|thirty|sixty)\s+(?<unit>minutes?|seconds?)\b(?:\s+(?:left|to go|only))?(?=.*\b(?:price|back|ends?|left|over|gone|only|deal)\b)|(?<n>\d+|one|two|three|five|ten|thirty|sixty)\s+(?<unit>minutes?|seconds?)\s+(?:left|to go)|countdown|three\s*,?\s+two\s*,?\s+one\b)")]
    private static partial Regex EnCountdown();

    [GeneratedRegex(@"\b(?:only|just|price\s+(?:is|today is|now is)|today\s+it(?:'s|\s+is)|down\s+to|for)\s+\$?(?<p>\d+(?:\.\d+)?)\s*(?:dollars|bucks|usd)?\b(?=.*)(?<!\b\d+\s+(?:minutes?|seconds?|left))(?!\s*(?:minutes?|seconds?|left|pieces|in stock|colou?rs|sizes|more|of|people|days|hours|percent))")]
    private static partial Regex EnPrice();

    [GeneratedRegex(@"\b(?:(?:the\s+)?link\s+(?:is\s+)?(?:up|going up|is live|now live|live now)|(?:put|putting|pop|popping|dropping|drop)\s+(?:up\s+)?the\s+link|link\s+(?:is\s+)?in\s+the\s+cart|check the link below|(?:in|added to)\s+the\s+(?:yellow\s+)?cart\s+now)\b")]
    private static partial Regex EnLinkUp();

    [GeneratedRegex(@"\b(?:do you (?:guys )?(?:like|love|want|prefer|need|think)|which (?:one|colou?r|style) (?:do|would) you|who wants|would you (?:guys )?(?:like|wear|buy)|have you (?:ever|tried|seen)|are you (?:guys )?(?:ready|excited))\b|\?$")]
    private static partial Regex EnQuestion();
}
