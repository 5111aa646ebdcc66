using System.Globalization;
using Commerce.Onboarding.Domain.Library;

namespace Commerce.Onboarding.Domain.Live;

/// <summary>
/// Writes a live script on a timeline. Faithful by construction: every product sentence is a template filled only with
/// the product's own title, attributes, selling points, size chart and price (no numbers of its own except the fixed
/// "3 minutes" countdown and the "comment 1" prompt), and any product text holding a banned absolute claim is left
/// out. A product's lines are repeated in rounds ("for everyone who just joined") until its slot is full, as hosts do.
/// </summary>
public sealed class LiveScriptWriter(BannedClaims banned)
{
    /// <summary>Speech rates of live hosts: about 4.5 Chinese characters or 2.6 English words a second.</summary>
    private const double ZhCharsPerSecond = 4.5, EnWordsPerSecond = 2.6;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public LiveScriptData Write(IReadOnlyList<LineupPick> lineup, int durationMinutes, string language, IReadOnlySet<MarketingToolKind> tools)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var phrases = zh ? Phrases.Zh : Phrases.En;
        var sections = new List<ScriptSectionData>();
        var cursor = TimeSpan.Zero;

        var opening = Timeline.Opening(durationMinutes);
        var openingLines = new List<Draft>
        {
            new(ScriptKind.Opening, phrases.Welcome, Tips.Welcome, [], null),
            new(ScriptKind.InteractionPrompt, phrases.Follow, Tips.Follow, [], null),
        };
        if (lineup.Count > 0) openingLines.Add(new(ScriptKind.Opening, string.Format(Inv, phrases.StartWith, Title(lineup[0].Product, phrases)), Tips.Preview, ["title"], null));
        if (tools.Contains(MarketingToolKind.Lottery)) openingLines.Add(new(ScriptKind.Marketing, phrases.LotteryPreview, Tips.Lottery, [], MarketingToolKind.Lottery));
        openingLines.Add(new(ScriptKind.InteractionPrompt, phrases.WhereFrom, Tips.ReadComments, [], null));
        sections.Add(Section("s0", SectionKind.Opening, null, cursor, opening, openingLines, openingLines, zh));
        cursor += opening;

        for (var i = 0; i < lineup.Count; i++)
        {
            var pick = lineup[i];
            var first = ProductRound(pick.Product, phrases, tools, zh, recap: false, last: i == lineup.Count - 1);
            var again = ProductRound(pick.Product, phrases, tools, zh, recap: true, last: i == lineup.Count - 1);
            sections.Add(Section("s" + (i + 1).ToString(Inv), SectionKind.Product, pick.Product, cursor, pick.Slot, first, again, zh));
            cursor += pick.Slot;
        }

        var closing = TimeSpan.FromSeconds(durationMinutes * 60) - cursor;
        var closingLines = new List<Draft>
        {
            new(ScriptKind.Closing, phrases.Thanks, Tips.Thanks, [], null),
            new(ScriptKind.InteractionPrompt, phrases.FollowNext, Tips.Follow, [], null),
        };
        sections.Add(Section("s" + (lineup.Count + 1).ToString(Inv), SectionKind.Closing, null, cursor, closing, closingLines, closingLines, zh));
        return new LiveScriptData(zh ? "zh-CN" : "en", sections);
    }

    private List<Draft> ProductRound(LiveProduct product, Phrases phrases, IReadOnlySet<MarketingToolKind> tools, bool zh, bool recap, bool last)
    {
        var title = Title(product, phrases);
        var lines = new List<Draft>
        {
            new(ScriptKind.Transition, string.Format(Inv, recap ? phrases.Recap : phrases.Intro, title), Tips.ShowProduct, ["title"], null),
        };
        // Price and the marketing tools come early: if a short slot cannot hold every line, these are what must be said.
        lines.Add(new(ScriptKind.ProductFact, string.Format(Inv, phrases.Price, Money(product.Price)), Tips.Price, ["price"], null));
        if (tools.Contains(MarketingToolKind.Coupon)) lines.Add(new(ScriptKind.Marketing, phrases.Coupon, Tips.Coupon, [], MarketingToolKind.Coupon));
        foreach (var (key, value) in product.Attributes)
        {
            if (banned.Contains(key) || banned.Contains(value)) continue;
            lines.Add(new(ScriptKind.ProductFact, string.Format(Inv, phrases.Attribute, key, value), string.Format(Inv, Tips.Attribute, key), ["attributes." + key], null));
        }

        for (var i = 0; i < product.SellingPoints.Count; i++)
        {
            var point = product.SellingPoints[i].Trim().TrimEnd('.', '。', '!', '！');
            if (point.Length == 0 || banned.Contains(point)) continue;
            lines.Add(new(ScriptKind.ProductFact, point + (zh ? "。" : "."), Tips.SellingPoint, [$"selling_points[{i}]"], null));
        }

        if (product.SizeChart is { } chart)
        {
            lines.Add(new(ScriptKind.InteractionPrompt, phrases.AskSize, Tips.ReadComments, [], null));
            foreach (var row in chart.Rows) lines.Add(new(ScriptKind.ProductFact, SizeLine(row, phrases), Tips.SizeChart, ["size_chart." + row.Label], null));
        }

        if (tools.Contains(MarketingToolKind.Countdown)) lines.Add(new(ScriptKind.Marketing, phrases.Countdown, Tips.Countdown, [], MarketingToolKind.Countdown));
        lines.Add(new(ScriptKind.InteractionPrompt, phrases.WantIt, Tips.ReadComments, [], null));
        if (tools.Contains(MarketingToolKind.Lottery)) lines.Add(new(ScriptKind.Marketing, phrases.Lottery, Tips.Lottery, [], MarketingToolKind.Lottery));
        lines.Add(new(ScriptKind.InteractionPrompt, phrases.Questions, Tips.ReadComments, [], null));
        if (!last) lines.Add(new(ScriptKind.Transition, phrases.Next, Tips.Next, [], null));
        return lines;
    }

    /// <summary>Lays lines out from <paramref name="start"/>, repeating the round until the slot is full, then stretches them to fill it exactly.</summary>
    private static ScriptSectionData Section(string id, SectionKind kind, LiveProduct? product, TimeSpan start, TimeSpan slot,
        IReadOnlyList<Draft> first, IReadOnlyList<Draft> again, bool zh)
    {
        var placed = new List<(Draft Draft, TimeSpan Length)>();
        var used = TimeSpan.Zero;
        var round = first;
        while (true)
        {
            var added = 0;
            foreach (var draft in round)
            {
                var length = Speak(draft.Text, zh) + Pause;
                if (used + length > slot) break;
                placed.Add((draft, length));
                used += length;
                added++;
            }

            if (added < round.Count || added == 0) break;
            round = again;
        }

        if (placed.Count == 0 && first.Count > 0) placed.Add((first[0], slot));
        var scale = used > TimeSpan.Zero ? slot / used : 1.0;
        var lines = new List<ScriptLineData>();
        var at = start;
        for (var i = 0; i < placed.Count; i++)
        {
            var (draft, length) = placed[i];
            var end = i == placed.Count - 1 ? start + slot : at + TimeSpan.FromSeconds(Math.Round((length * scale).TotalSeconds, 1));
            lines.Add(new ScriptLineData($"{id}.l{i}", draft.Kind, draft.Text, draft.Tip, at, end - at, draft.Tool, draft.Sources));
            at = end;
        }

        return new ScriptSectionData(id, kind, product, start, slot, lines);
    }

    private static TimeSpan Speak(string text, bool zh)
    {
        var seconds = zh
            ? text.Count(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)) / ZhCharsPerSecond
            : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length / EnWordsPerSecond;
        return TimeSpan.FromSeconds(Math.Round(Math.Max(1.0, seconds), 1));
    }

    private string Title(LiveProduct product, Phrases phrases) => banned.Contains(product.Title) ? phrases.ThisOne : product.Title;

    private static string Money(decimal price) => price.ToString("0.##", Inv);

    private static string Num(double value) => value.ToString("0.#", Inv);

    private static string SizeLine(SizeRowData row, Phrases phrases)
    {
        var parts = new List<string>();
        foreach (var (dimension, range) in row.Measurements)
        {
            var template = dimension switch
            {
                "height" => phrases.SizeHeight,
                "weight" => phrases.SizeWeight,
                "bust" => phrases.SizeBust,
                _ => null,
            };
            if (template is not null) parts.Add(string.Format(Inv, template, Num(range.Min), Num(range.Max)));
        }

        return string.Format(Inv, phrases.SizeRow, row.Label, string.Join(phrases.ListSeparator, parts));
    }

    private sealed record Draft(ScriptKind Kind, string Text, string Tip, IReadOnlyList<string> Sources, MarketingToolKind? Tool);

    /// <summary>What to do while saying a line ("teach me"), in the language the merchant set up the app in: English here.</summary>
    private static class Tips
    {
        public const string Welcome = "Smile at the camera and greet the room; welcome newcomers by name as they enter.";
        public const string Follow = "Point at the follow button on screen.";
        public const string Preview = "Hold up the first product briefly, then put it aside.";
        public const string ReadComments = "Read two or three comments aloud and answer them.";
        public const string ShowProduct = "Hold the product close to the camera and turn it slowly.";
        public const string Price = "Point at the price on screen and say it slowly.";
        public const string Coupon = "Pin the coupon now so it shows at the top left of the live room.";
        public const string Attribute = "Show a close-up of the {0} while you say it.";
        public const string SellingPoint = "Demonstrate this point on the product, do not just read it.";
        public const string SizeChart = "Hold the size chart card up to the camera.";
        public const string Countdown = "Start a 3-minute countdown on screen.";
        public const string Lottery = "Open the lottery tool; draw among viewers who commented 1.";
        public const string Next = "Put the product down and bring the next one into view.";
        public const string Thanks = "Thank the room, announce the next live time, and wave goodbye.";
    }

    private sealed record Phrases
    {
        public required string Welcome, Follow, StartWith, LotteryPreview, WhereFrom, Intro, Recap, Price, Coupon, Attribute, AskSize,
            SizeRow, SizeHeight, SizeWeight, SizeBust, ListSeparator, Countdown, WantIt, Lottery, Questions, Next, Thanks, FollowNext, ThisOne;

        public static readonly Phrases Zh = new()
        {
            Welcome = "欢迎大家来到直播间，刚进来的朋友先点个关注。",
            Follow = "点个关注不迷路，开播就能收到提醒。",
            StartWith = "今天给大家准备了好几款好物，先从{0}开始讲。",
            LotteryPreview = "待会儿有抽奖，想参加的朋友在评论区扣1。",
            WhereFrom = "大家在评论区说说是从哪里来的。",
            Intro = "接下来这款是{0}。",
            Recap = "刚进来的朋友，我们再讲一遍这款{0}。",
            Price = "今天直播间的价格是{0}元。",
            Coupon = "下单前记得先领左上角的优惠券。",
            Attribute = "它的{0}是{1}。",
            AskSize = "不确定尺码的，在评论区打出身高体重，我帮你看。",
            SizeRow = "{0}码适合{1}。",
            SizeHeight = "身高{0}到{1}厘米",
            SizeWeight = "体重{0}到{1}公斤",
            SizeBust = "胸围{0}到{1}厘米",
            ListSeparator = "、",
            Countdown = "这个价格3分钟后恢复原价，想要的抓紧下单。",
            WantIt = "想要的朋友在评论区扣1。",
            Lottery = "扣1参加抽奖，马上开奖。",
            Questions = "还有什么问题在评论区打出来，我一个一个回答。",
            Next = "好，这款先讲到这里，我们看下一款。",
            Thanks = "今天的直播就到这里，感谢大家的陪伴。",
            FollowNext = "没抢到的朋友点个关注，下次开播提醒你。",
            ThisOne = "这款产品",
        };

        public static readonly Phrases En = new()
        {
            Welcome = "Welcome to the live room, everyone, and if you just joined, tap follow first.",
            Follow = "Follow the room so you get a reminder when we go live.",
            StartWith = "We have a lineup of good finds for you today, and we start with the {0}.",
            LotteryPreview = "We have a lottery coming up, comment 1 to join it.",
            WhereFrom = "Tell us in the comments where you are watching from.",
            Intro = "Next up is the {0}.",
            Recap = "For everyone who just joined, here is the {0} again.",
            Price = "The price in the live room today is {0} yuan.",
            Coupon = "Remember to claim the coupon at the top left before you check out.",
            Attribute = "The {0} is {1}.",
            AskSize = "Not sure about your size? Type your height and weight in the comments and I will help.",
            SizeRow = "Size {0} fits {1}.",
            SizeHeight = "a height of {0} to {1} cm",
            SizeWeight = "a weight of {0} to {1} kg",
            SizeBust = "a bust of {0} to {1} cm",
            ListSeparator = ", ",
            Countdown = "This price goes back to the original price in 3 minutes, so order now if you want it.",
            WantIt = "Comment 1 if you want it.",
            Lottery = "Comment 1 to join the lottery, the draw is coming up.",
            Questions = "Any questions, type them in the comments and I will answer them one by one.",
            Next = "That is all for this one, let us look at the next product.",
            Thanks = "That is it for today's live, thank you all for watching.",
            FollowNext = "If you missed a deal, follow the room and we will remind you next time.",
            ThisOne = "this product",
        };
    }
}
