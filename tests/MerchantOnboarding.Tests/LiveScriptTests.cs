using System.Globalization;
using System.Text.RegularExpressions;
using Commerce.Onboarding.Domain.Library;
using Commerce.Onboarding.Domain.Live;

namespace Commerce.Onboarding.Tests;

/// <summary>The issue's three script properties (faithful, compliant, fits), asserted over a library sample in both languages.</summary>
public sealed partial class LiveScriptTests
{
    private static readonly BannedClaims Banned = BannedClaims.LoadDefault();
    private static readonly IReadOnlySet<MarketingToolKind> AllTools = Enum.GetValues<MarketingToolKind>().ToHashSet();

    /// <summary>The only numbers a script says of its own: the "3 minutes" countdown and "comment 1".</summary>
    private static readonly HashSet<decimal> ScriptNumbers = [1m, 3m];

    private static List<(List<LiveProduct> Products, string[] Category, int Minutes, string Language)> Sample()
    {
        var library = new LibraryGenerator(2026).Generate(2_160).ToList();
        var cases = new List<(List<LiveProduct>, string[], int, string)>();
        var tops = CategoryTree.Default.Leaves.Select(l => l.Path[0]).Distinct().ToList();
        int[] minutes = [30, 60, 120, 240];
        var n = 0;
        foreach (var top in tops)
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var m = minutes[n++ % minutes.Length];
            var count = m == 30 ? 3 : 20;
            var products = library.Where(p => p.CategoryPath[0] == top).Skip(n).Take(count).Select(p => LiveProduct.FromLibrary(p, language)).ToList();
            cases.Add((products, [top], m, language));
        }

        return cases;
    }

    [Test]
    public void Scripts_over_the_library_sample_are_faithful_compliant_and_fit_the_duration()
    {
        var writer = new LiveScriptWriter(Banned);
        int scripts = 0, lines = 0, numbers = 0, unfaithful = 0, banned = 0;
        double worstDurationError = 0;
        foreach (var (products, category, minutes, language) in Sample())
        {
            var lineup = LineupSuggester.Suggest(products, category, minutes, products.Count);
            var script = writer.Write(lineup, minutes, language, AllTools);
            scripts++;
            var chosen = TimeSpan.FromMinutes(minutes);
            worstDurationError = Math.Max(worstDurationError, Math.Abs((script.Duration - chosen) / chosen));
            Assert.That(script.Sections.Where(s => s.Product is not null).Select(s => s.Product!.Id), Is.EquivalentTo(products.Select(p => p.Id)), "every chosen product covered");
            foreach (var section in script.Sections)
            {
                Assert.That(section.Lines, Is.Not.Empty);
                if (section.Product is { } product)
                {
                    Assert.That(section.Lines.Any(l => l.SourceFields.Contains("price")), Is.True, $"{product.Id} has its price line");
                }

                var allowed = new HashSet<decimal>(ScriptNumbers);
                var sources = section.Product ?? (section.Kind == SectionKind.Opening ? lineup[0].Product : null);
                if (sources is not null) allowed.UnionWith(NumbersOf(sources));
                var dataText = sources is null ? "" : DataText(sources);
                foreach (var line in section.Lines)
                {
                    lines++;
                    banned += Banned.FindIn(line.Text).Count + Banned.FindIn(line.Tip).Count;
                    foreach (var number in Numbers(line.Text))
                    {
                        numbers++;
                        if (!allowed.Contains(number)) { unfaithful++; TestContext.Out.WriteLine($"unfaithful {number}: {line.Text}"); }
                    }

                    foreach (var (en, zh) in LibraryVocabulary.AllMaterials)
                    {
                        var word = language == "en" ? en : zh;
                        var said = language == "en" ? Regex.IsMatch(line.Text, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase) : line.Text.Contains(word);
                        if (said && !dataText.Contains(word, StringComparison.OrdinalIgnoreCase)) { unfaithful++; TestContext.Out.WriteLine($"material {word}: {line.Text}"); }
                    }

                    foreach (Match size in SizeLabel().Matches(line.Text))
                    {
                        if (section.Product?.SizeChart?.Rows.Any(r => r.Label == size.Groups["label"].Value) != true) { unfaithful++; TestContext.Out.WriteLine($"size {size.Value}: {line.Text}"); }
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{scripts} scripts, {lines} lines, {numbers} numbers checked: {unfaithful} not from product data, {banned} banned claims, worst duration error {worstDurationError:P2}");
        Assert.That(unfaithful, Is.Zero);
        Assert.That(banned, Is.Zero);
        Assert.That(worstDurationError, Is.LessThanOrEqualTo(0.05));
    }

    [Test]
    public void A_selling_point_or_title_with_a_banned_claim_is_left_out_of_the_script()
    {
        var product = new LiveProduct
        {
            Id = "p1", IsLibrary = false, Title = "The best cotton T-shirt", Category = ["Women's Clothing", "Tops", "T-Shirts"],
            Attributes = new Dictionary<string, string> { ["material"] = "cotton", ["grade"] = "national-level quality" },
            SellingPoints = ["No. 1 seller in the market", "Soft and breathable"], Price = 59.9m,
        };
        var zhProduct = product with { Title = "全网最好的T恤", SellingPoints = ["国家级品质", "柔软透气"], Attributes = new Dictionary<string, string> { ["材质"] = "棉" } };
        var writer = new LiveScriptWriter(Banned);
        foreach (var (p, language) in new[] { (product, "en"), (zhProduct, "zh-CN") })
        {
            var script = writer.Write(LineupSuggester.Arrange([(p, null)], ["Women's Clothing"], 30), 30, language, AllTools);
            var text = string.Join("\n", script.Lines.Select(l => l.Text));
            Assert.That(Banned.FindIn(text), Is.Empty, text);
            Assert.That(text, Does.Contain(language == "en" ? "Soft and breathable" : "柔软透气"));
        }
    }

    [Test]
    public void Lineup_puts_a_cheap_popular_traffic_driver_first_then_the_hero()
    {
        LiveProduct P(string id, decimal price, long sales, double commission, double rating, string leaf = "T-Shirts") => new()
        {
            Id = id, IsLibrary = true, Title = id, Category = ["Women's Clothing", "Tops", leaf], Attributes = new Dictionary<string, string>(),
            SellingPoints = [], Price = price, SalesCount = sales, CommissionRate = commission, Rating = rating,
        };
        var candidates = new[]
        {
            P("cheap-popular", 19.9m, 9000, 0.10, 4.5), P("strong", 199m, 5000, 0.30, 4.9), P("middle", 99m, 800, 0.15, 4.2),
            P("weak", 149m, 10, 0.05, 3.6), P("off-category", 59m, 3000, 0.2, 4.6, "Blouses"),
        };
        var lineup = LineupSuggester.Suggest(candidates, ["Women's Clothing", "Tops", "T-Shirts"], 60, 4);

        Assert.That(lineup.Select(l => l.Role), Is.EqualTo(new[] { LineupRoleKind.TrafficDriver, LineupRoleKind.Hero, LineupRoleKind.Regular, LineupRoleKind.Regular }));
        Assert.That(lineup[0].Product.Id, Is.EqualTo("cheap-popular"));
        Assert.That(lineup[1].Product.Id, Is.EqualTo("strong"));
        Assert.That(lineup.Select(l => l.Product.Id), Does.Not.Contain("weak"));
        Assert.That(lineup[1].Slot, Is.GreaterThan(lineup[2].Slot), "the hero gets more time");
        var total = lineup.Aggregate(TimeSpan.Zero, (t, l) => t + l.Slot) + Timeline.Opening(60) + Timeline.Closing(60);
        Assert.That(total, Is.EqualTo(TimeSpan.FromMinutes(60)));
    }

    private static IEnumerable<decimal> Numbers(string text) =>
        NumberPattern().Matches(text).Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture));

    private static HashSet<decimal> NumbersOf(LiveProduct p)
    {
        var set = new HashSet<decimal>(Numbers(DataText(p))) { p.Price };
        foreach (var row in p.SizeChart?.Rows ?? [])
        {
            if (decimal.TryParse(row.Label, CultureInfo.InvariantCulture, out var label)) set.Add(label);
            foreach (var m in row.Measurements.Values) { set.Add((decimal)m.Min); set.Add((decimal)m.Max); }
        }

        return set;
    }

    private static string DataText(LiveProduct p) =>
        string.Join(" ", new[] { p.Title }.Concat(p.Attributes.Keys).Concat(p.Attributes.Values).Concat(p.SellingPoints));

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?:Size (?<label>[A-Z0-9]+))|(?:(?<label>[A-Z0-9]+)码)")]
    private static partial Regex SizeLabel();
}
