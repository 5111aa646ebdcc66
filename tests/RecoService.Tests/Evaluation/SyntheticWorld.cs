using System.Globalization;
using System.Text;
using Commerce.Reco.Domain;

namespace Commerce.Reco.Tests.Evaluation;

/// <summary>
/// A deterministic multi-scenario shopping log with planted structure, written to data/ (see <see cref="WriteFiles"/>):
/// buyers have latent styles and anchor categories; a purchase of a category is followed, days later and usually in
/// another scenario, by interest in its planted complement (dress in a live room -> belt or heels in the mall).
/// </summary>
public static class SyntheticWorld
{
    public const int Seed = 20261207;
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    public const int Days = 60;

    public static readonly (string Key, string Zh)[] Categories =
    [
        ("women/dress", "连衣裙"), ("women/skirt", "半身裙"), ("women/blouse", "女士衬衫"), ("women/jeans", "牛仔裤"),
        ("accessories/belt", "腰带"), ("accessories/handbag", "手提包"), ("accessories/scarf", "围巾"), ("accessories/sunglasses", "太阳镜"),
        ("accessories/tie", "领带"), ("shoes/heels", "高跟鞋"), ("shoes/sneakers", "运动鞋"), ("shoes/sandals", "凉鞋"), ("shoes/boots", "靴子"),
        ("men/suit", "西装"), ("men/shirt", "男士衬衫"), ("sports/yoga_mat", "瑜伽垫"), ("sports/leggings", "瑜伽裤"),
        ("beauty/lipstick", "口红"), ("beauty/foundation", "粉底液"), ("home/candle", "香薰蜡烛"), ("electronics/earbuds", "蓝牙耳机"),
        ("electronics/phone_case", "手机壳"),
    ];

    /// <summary>The planted complementary pairs (both directions are complementary).</summary>
    public static readonly (string A, string B)[] ComplementaryPairs =
    [
        ("women/dress", "accessories/belt"), ("women/dress", "shoes/heels"), ("men/suit", "accessories/tie"), ("men/suit", "men/shirt"),
        ("women/jeans", "shoes/sneakers"), ("sports/yoga_mat", "sports/leggings"), ("beauty/lipstick", "beauty/foundation"),
        ("electronics/earbuds", "electronics/phone_case"), ("women/blouse", "accessories/scarf"), ("accessories/handbag", "accessories/sunglasses"),
    ];

    private static readonly (string En, string Zh)[] Styles =
        [("minimalist", "简约"), ("vintage", "复古"), ("sporty", "运动"), ("bohemian", "波西米亚"), ("elegant", "优雅"), ("streetwear", "街头"), ("preppy", "学院"), ("romantic", "浪漫")];
    private static readonly (string En, string Zh)[] Materials = [("linen", "亚麻"), ("cotton", "纯棉"), ("silk", "真丝"), ("leather", "真皮"), ("denim", "丹宁"), ("wool", "羊毛")];
    private static readonly string[] Occasions = ["office", "party", "beach", "casual", "wedding"];

    public sealed record World(List<CatalogItem> Items, List<Interaction> Log);

    public static World Generate(int seed = Seed, int products = 1200, int users = 1000)
    {
        var rng = new Random(seed);
        var items = new List<CatalogItem>();
        var byCategory = new Dictionary<string, List<CatalogItem>>();
        for (var p = 0; p < products; p++)
        {
            var (cat, zh) = Categories[p % Categories.Length];
            var style = Styles[rng.Next(Styles.Length)];
            var material = Materials[rng.Next(Materials.Length)];
            var leaf = CategoryKeys.Levels(cat)[^1].Replace('_', ' ');
            // Most items are listed before the log starts; a tail is listed during it (fresh items).
            var listed = rng.NextDouble() < 0.85 ? Start.AddDays(-rng.Next(1, 90)) : Start.AddDays(rng.NextDouble() * Days);
            var item = new CatalogItem
            {
                Id = "p" + p, Kind = ItemKind.Product, MerchantId = "m" + rng.Next(40),
                Title = $"{style.En} {material.En} {leaf}", TitleZh = style.Zh + material.Zh + zh,
                CategoryPath = CategoryKeys.Levels(cat),
                Attributes = new Dictionary<string, string> { ["style"] = style.En, ["material"] = material.En, ["occasion"] = Occasions[rng.Next(Occasions.Length)] },
                Price = Math.Round((decimal)(20 + Math.Exp(3 + rng.NextDouble() * 3)), 2),
                Stock = rng.NextDouble() < 0.03 ? 0 : 10 + rng.Next(200),
                ListedAt = listed,
            };
            items.Add(item);
            (byCategory.TryGetValue(cat, out var l) ? l : byCategory[cat] = []).Add(item);
        }

        var clips = new List<CatalogItem>();
        for (var c = 0; c < 150; c++)
        {
            var product = items[rng.Next(items.Count)];
            clips.Add(new CatalogItem
            {
                Id = "c" + c, Kind = ItemKind.Clip, MerchantId = product.MerchantId, Title = "try on " + product.Title,
                CategoryPath = product.CategoryPath, Attributes = product.Attributes, ProductId = product.Id,
                ListedAt = Start.AddDays(rng.NextDouble() * Days),
            });
        }

        items.AddRange(clips);
        var complements = ComplementaryPairs.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) })
            .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Select(p => p.Item2).ToArray());
        var anchors = complements.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        var log = new List<Interaction>();
        var eventSeq = 0;
        for (var u = 0; u < users; u++)
        {
            var userId = "u" + u;
            var styles = new[] { Styles[rng.Next(Styles.Length)].En, Styles[rng.Next(Styles.Length)].En };
            var userAnchors = new[] { anchors[rng.Next(anchors.Length)], anchors[rng.Next(anchors.Length)] };
            var scenarioBias = rng.Next(3);
            var sessions = new List<(double Day, string Category, Scenario Scenario, bool Transfer)>();
            var count = 3 + rng.Next(4);
            for (var s = 0; s < count; s++)
            {
                var cat = rng.NextDouble() < 0.75 ? userAnchors[rng.Next(2)] : Categories[rng.Next(Categories.Length)].Key;
                sessions.Add((rng.NextDouble() * Days, cat, PickScenario(rng, scenarioBias), false));
            }

            sessions.Sort((a, b) => a.Day.CompareTo(b.Day));
            for (var s = 0; s < sessions.Count; s++)
            {
                var (day, cat, scenario, _) = sessions[s];
                var at = Start.AddDays(day);
                void Log(CatalogItem item, InteractionAction action, double watch = 0)
                {
                    log.Add(new Interaction("e" + eventSeq++, userId, item.Id, action, scenario, at, watch));
                    at = at.AddMinutes(1 + rng.Next(5));
                }

                for (var k = 0; k < 2; k++) Log(items[rng.Next(products)], InteractionAction.Impression);
                var pool = byCategory[cat].Where(i => i.ListedAt <= at).ToList();
                if (pool.Count == 0) continue;
                if (scenario == Scenario.ShortVideo && clips.FirstOrDefault(c => c.CategoryKey == cat && c.ListedAt <= at) is { } clip)
                    Log(clip, InteractionAction.Watch, 10 + rng.Next(50));
                var clicked = new List<CatalogItem>();
                for (var k = 0; k < 2 + rng.Next(3); k++)
                {
                    var fits = pool.Where(i => styles.Contains(i.Attributes["style"])).ToList();
                    var from = fits.Count > 0 && rng.NextDouble() < 0.8 ? fits : pool;
                    // Zipf-like: a few items of each category draw most clicks.
                    var item = from[(int)(from.Count * Math.Pow(rng.NextDouble(), 2.2))];
                    clicked.Add(item);
                    Log(item, InteractionAction.Click);
                }

                if (rng.NextDouble() < 0.35) Log(clicked[rng.Next(clicked.Count)], InteractionAction.AddToCart);
                if (rng.NextDouble() < 0.5)
                {
                    Log(clicked[rng.Next(clicked.Count)], InteractionAction.Purchase);
                    if (complements.TryGetValue(cat, out var comp) && rng.NextDouble() < 0.8)
                    {
                        // Cross-scenario transfer: the complement is wanted days later, mostly somewhere else.
                        var later = day + 1 + rng.NextDouble() * 9;
                        var next = rng.NextDouble() < 0.75 ? (Scenario)(((int)scenario + 1 + rng.Next(2)) % 3) : scenario;
                        if (later < Days) InsertSorted(sessions, (later, comp[rng.Next(comp.Length)], next, true), s + 1);
                    }
                }
            }
        }

        log.Sort((a, b) => a.At.CompareTo(b.At) is var c && c != 0 ? c : string.CompareOrdinal(a.EventId, b.EventId));
        return new World(items, log);
    }

    private static void InsertSorted(List<(double Day, string Category, Scenario Scenario, bool Transfer)> sessions,
        (double, string, Scenario, bool) session, int from)
    {
        var i = from;
        while (i < sessions.Count && sessions[i].Day <= session.Item1) i++;
        sessions.Insert(i, session);
    }

    private static Scenario PickScenario(Random rng, int bias) => rng.NextDouble() < 0.5 ? (Scenario)bias : (Scenario)rng.Next(3);

    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "Evaluation", "data");

    public static (string Items, string Log) ToCsv(World world)
    {
        var inv = CultureInfo.InvariantCulture;
        var items = new StringBuilder("id,kind,merchant,category,title,title_zh,style,material,occasion,price,stock,listed_minute,product\n");
        foreach (var i in world.Items)
        {
            items.Append(inv, $"{i.Id},{i.Kind},{i.MerchantId},{i.CategoryKey},{i.Title},{i.TitleZh},{i.Attributes["style"]},{i.Attributes["material"]},{i.Attributes["occasion"]},{i.Price},{i.Stock},{(long)(i.ListedAt - Start).TotalMinutes},{i.ProductId}\n");
        }

        var log = new StringBuilder("event,user,item,action,scenario,minute,watch_seconds\n");
        foreach (var x in world.Log)
            log.Append(inv, $"{x.EventId},{x.UserId},{x.ItemId},{InteractionActions.Name(x.Action)},{Scenarios.Name(x.Scenario)},{(long)(x.At - Start).TotalMinutes},{x.WatchSeconds}\n");
        return (items.ToString(), log.ToString());
    }

    /// <summary>Regenerates the committed files: <c>RECO_WRITE_EVAL_DATA=/path/to/Evaluation/data dotnet test ...</c>.</summary>
    public static void WriteFiles(string folder)
    {
        var (items, log) = ToCsv(Generate());
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "items.csv"), items);
        File.WriteAllText(Path.Combine(folder, "interactions.csv"), log);
    }

    public static World Load(string folder)
    {
        var items = new List<CatalogItem>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "items.csv")).Skip(1))
        {
            var f = line.Split(',');
            var kind = Enum.Parse<ItemKind>(f[1]);
            items.Add(new CatalogItem
            {
                Id = f[0], Kind = kind, MerchantId = f[2], CategoryPath = CategoryKeys.Levels(f[3]), Title = f[4],
                TitleZh = f[5].Length == 0 ? null : f[5],
                Attributes = new Dictionary<string, string> { ["style"] = f[6], ["material"] = f[7], ["occasion"] = f[8] },
                Price = decimal.Parse(f[9], CultureInfo.InvariantCulture), Stock = f[10].Length == 0 ? null : int.Parse(f[10], CultureInfo.InvariantCulture),
                ListedAt = Start.AddMinutes(long.Parse(f[11], CultureInfo.InvariantCulture)), ProductId = f[12].Length == 0 ? null : f[12],
            });
        }

        var log = new List<Interaction>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "interactions.csv")).Skip(1))
        {
            var f = line.Split(',');
            InteractionActions.TryParse(f[3], out var action);
            Scenarios.TryParse(f[4], out var scenario);
            log.Add(new Interaction(f[0], f[1], f[2], action, scenario, Start.AddMinutes(long.Parse(f[5], CultureInfo.InvariantCulture)),
                double.Parse(f[6], CultureInfo.InvariantCulture)));
        }

        return new World(items, log);
    }
}
