using Commerce.Asr.Domain.Cues;

namespace Commerce.Asr.Tests.Evaluation;

/// <summary>
/// Generator of the labelled cue set (deterministic from its seed): realistic host lines in Chinese and English for
/// every cue kind, filled with products, numbers, prices and times, plus hard negatives that share the cue's words
/// without being the moment ("扣子", "the link between", "size chart", "one of these"). Written to
/// Data/cue-eval/cues.tsv as language, labels (comma-separated CueKind names or "none"), text.
/// </summary>
public static class CueEvalSet
{
    public const int Seed = 7;
    public const string File = "Data/cue-eval/cues.tsv";

    private static readonly string[] ZhProducts = ["皮带", "蓝牙耳机", "碎花连衣裙", "帆布包", "冲锋衣", "马克杯"];
    private static readonly string[] EnProducts = ["cowhide belt", "wireless earbuds", "midi dress", "canvas tote", "hiking jacket", "mug set"];
    private static readonly string[] ZhNums = ["1", "2", "3", "6", "8"];
    private static readonly string[] EnNums = ["one", "two", "1", "2", "three"];
    private static readonly string[] Prices = ["19", "29", "39", "59", "99", "129"];
    private static readonly string[] ZhMinutes = ["3", "5", "10", "两", "三"];
    private static readonly string[] EnMinutes = ["three", "five", "2", "10", "thirty"];

    private static readonly (string Lang, string Labels, string Template)[] Templates =
    [
        ("zh", "CallForComment", "想要这款{p}的宝宝们公屏扣{n}"),
        ("zh", "CallForComment", "家人们扣个{n}，我看看有多少人要"),
        ("zh", "CallForComment", "喜欢的扣“想要”，我去给你们申请库存"),
        ("zh", "CallForComment", "要{p}的评论区打{n}"),
        ("en", "CallForComment", "comment {n} if you want the {p}"),
        ("en", "CallForComment", "type {n} in the chat if you want this {p}"),
        ("en", "CallForComment", "drop a {n} below and i will hold one for you"),
        ("en", "CallForComment", "guys leave a {n} if you love the {p}"),
        ("zh", "Lottery", "点赞到一万我们就抽奖，抽{n}个宝宝送{p}"),
        ("zh", "Lottery", "福袋马上开了，关注主播就能参与"),
        ("zh", "Lottery", "今天有免单，下单的宝宝都有机会"),
        ("en", "Lottery", "we are doing a giveaway for this {p} right now"),
        ("en", "Lottery", "follow the room to join the lucky draw"),
        ("en", "Lottery", "stay till the end for the raffle, you could win a {p}"),
        ("zh", "SizeQuestion", "不知道穿什么码的，打一下身高体重"),
        ("zh", "SizeQuestion", "宝宝们报一下身高，我帮你们选码"),
        ("zh", "SizeQuestion", "你们平时穿多大？这款{p}偏小"),
        ("en", "SizeQuestion", "tell me your height and weight and i will pick the size"),
        ("en", "SizeQuestion", "what size do you usually wear in the {p}"),
        ("en", "SizeQuestion", "not sure? drop your height and weight below"),
        ("zh", "PriceReveal", "这款{p}今天到手价只要{price}元"),
        ("zh", "PriceReveal", "直播间福利价{price}块，外面买不到"),
        ("en", "PriceReveal", "the {p} is only {price} dollars today"),
        ("en", "PriceReveal", "today the price is {price} dollars for the {p}"),
        ("en", "PriceReveal", "we are taking it down to {price} bucks"),
        ("zh", "Countdown", "{m}分钟后恢复原价，要的抓紧"),
        ("zh", "Countdown", "最后{m}分钟，时间到了就下架"),
        ("zh", "Countdown", "倒计时开始，这个价格马上结束"),
        ("en", "Countdown", "back to the original price in {m} minutes"),
        ("en", "Countdown", "only {m} minutes left at this price"),
        ("en", "Countdown", "this deal ends in {m} minutes so be quick"),
        ("zh", "LinkUp", "上链接！{n}号链接{p}"),
        ("zh", "LinkUp", "链接已经上了，小黄车里去拍"),
        ("zh", "LinkUp", "{n}号链接开拍，手慢无"),
        ("en", "LinkUp", "the link is up now, go grab the {p}"),
        ("en", "LinkUp", "putting up the link for the {p} in three seconds"),
        ("en", "LinkUp", "ok the link is live, check the cart"),
        ("zh", "AudienceQuestion", "宝宝们喜欢这个颜色吗？"),
        ("zh", "AudienceQuestion", "你们觉得这款{p}好不好看"),
        ("zh", "AudienceQuestion", "家人们有没有用过这种{p}"),
        ("en", "AudienceQuestion", "do you guys like this colour on the {p}"),
        ("en", "AudienceQuestion", "which one would you pick, black or brown?"),
        ("en", "AudienceQuestion", "have you ever tried a {p} like this"),
        ("zh", "PriceReveal,Countdown", "现在只要{price}元，{m}分钟后恢复原价"),
        ("en", "CallForComment,LinkUp", "comment {n} and the link is up now"),
        ("zh", "CallForComment,Lottery", "扣{n}参与抽奖，抽{n}个人免单"),
        // hard negatives
        ("zh", "none", "这件衣服的扣子是金属的，很有质感"),
        ("zh", "none", "我们今天不打折，但是质量是真的好"),
        ("zh", "none", "这个{p}的链接设计很特别，看这个五金"),
        ("zh", "none", "尺码表在详情页，我给大家看看面料"),
        ("zh", "none", "这款{p}我自己用了三年了"),
        ("zh", "none", "原价的时候就卖得很好"),
        ("zh", "none", "这个颜色特别显白，我很喜欢"),
        ("zh", "none", "洗完晾十分钟就干了，特别方便"),
        ("zh", "none", "我们家的{p}都是自己工厂做的"),
        ("en", "none", "this is one of my favourite pieces in the shop"),
        ("en", "none", "the {p} comes in two colours and three sizes"),
        ("en", "none", "there is a real link between comfort and style"),
        ("en", "none", "the size chart runs true, i wear a medium"),
        ("en", "none", "i have had this {p} for three years now"),
        ("en", "none", "it dries in ten minutes after washing"),
        ("en", "none", "we only have fifty pieces in stock"),
        ("en", "none", "i won a prize for this design last year"),
        ("en", "none", "let me show you the stitching on the {p}"),
        ("en", "none", "the leather gets softer every time you wear it"),
        ("en", "none", "my friend made this comment about the fit once"),
    ];

    /// <summary>Every template three times with different fillers: about two hundred labelled lines.</summary>
    public static IReadOnlyList<(string Lang, string Labels, string Text)> Generate()
    {
        var random = new Random(Seed);
        var rows = new List<(string, string, string)>();
        foreach (var (lang, labels, template) in Templates)
        {
            var seen = new HashSet<string>();
            for (var k = 0; k < 3; k++)
            {
                var zh = lang == "zh";
                var text = template
                    .Replace("{p}", Pick(random, zh ? ZhProducts : EnProducts))
                    .Replace("{n}", Pick(random, zh ? ZhNums : EnNums))
                    .Replace("{price}", Pick(random, Prices))
                    .Replace("{m}", Pick(random, zh ? ZhMinutes : EnMinutes));
                if (seen.Add(text)) rows.Add((lang, labels, text));
            }
        }

        return rows;
    }

    public static string ToTsv(IEnumerable<(string Lang, string Labels, string Text)> rows) =>
        $"# language\tlabels\ttext (generated by CueEvalSet.Generate, seed {Seed})\n" + string.Concat(rows.Select(r => $"{r.Lang}\t{r.Labels}\t{r.Text}\n"));

    public static IReadOnlyList<(string Lang, IReadOnlySet<CueKind> Labels, string Text)> Load(string path) =>
        System.IO.File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(f => (f[0], (IReadOnlySet<CueKind>)(f[1] == "none" ? new HashSet<CueKind>() : f[1].Split(',').Select(Enum.Parse<CueKind>).ToHashSet()), f[2]))
            .ToList();

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
