using System.Globalization;

namespace Commerce.Onboarding.Domain.Library;

/// <summary>
/// Makes a realistic distribution library deterministically from a seed: product i depends only on (seed, i), so any
/// slice can be generated alone and in parallel, and the same seed always yields the same library.
/// </summary>
public sealed class LibraryGenerator(int seed)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly IReadOnlyList<CategoryLeaf> _leaves = CategoryTree.Default.Leaves;

    public IEnumerable<LibraryItem> Generate(int count)
    {
        for (var i = 0; i < count; i++) yield return Product(i);
    }

    public LibraryItem Product(int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index * 7919));
        var leaf = _leaves[index % _leaves.Count];
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        var colour = Pick(LibraryVocabulary.Colours);
        var style = Pick(LibraryVocabulary.Styles);
        var en = new Dictionary<string, string>();
        var zh = new Dictionary<string, string>();
        var pointsEn = new List<string>();
        var pointsZh = new List<string>();
        void Attr(string keyEn, string keyZh, string valueEn, string valueZh)
        {
            en[keyEn] = valueEn;
            zh[keyZh] = valueZh;
        }

        void Point(string pointEn, string pointZh)
        {
            pointsEn.Add(pointEn);
            pointsZh.Add(pointZh);
        }

        string titleEn, titleZh;
        SizeChartData? sizeChart = null;
        switch (leaf.Family)
        {
            case ProductFamily.Apparel or ProductFamily.KidsApparel:
            {
                var material = Pick(LibraryVocabulary.Materials[leaf.Family]);
                var occasion = Pick(LibraryVocabulary.Occasions);
                var share = random.Next(6, 11) * 10;
                Attr("material", "材质", $"{share}% {material.En}", $"{share}%{material.Zh}");
                Attr("colour", "颜色", colour.En, colour.Zh);
                Attr("style", "风格", style.En, style.Zh);
                Attr("occasion", "场合", occasion.En, occasion.Zh);
                sizeChart = SizeChart(random, leaf.Family == ProductFamily.KidsApparel);
                var first = sizeChart.Rows[0].Label;
                var last = sizeChart.Rows[^1].Label;
                titleEn = $"{Cap(style.En)} {colour.En} {material.En} {leaf.NounEn}";
                titleZh = $"{style.Zh}{colour.Zh}{material.Zh}{leaf.NounZh}";
                Point($"{Cap(material.En)} fabric, {share}% {material.En}, soft on the skin", $"{material.Zh}面料，含{material.Zh}{share}%，贴身舒服");
                Point($"A {style.En} cut that is easy to match for {occasion.En}", $"{style.Zh}版型，{occasion.Zh}都好搭配");
                Point($"Sizes {first} to {last}, check the size chart for your height and weight", $"尺码从{first}到{last}，按身高体重看尺码表");
                break;
            }
            case ProductFamily.ShoesBags:
            {
                var material = Pick(LibraryVocabulary.Materials[leaf.Family]);
                var weight = random.Next(2, 12) * 50;
                Attr("material", "材质", material.En, material.Zh);
                Attr("colour", "颜色", colour.En, colour.Zh);
                Attr("weight", "重量", $"{weight} g", $"{weight}克");
                titleEn = $"{Cap(colour.En)} {material.En} {leaf.NounEn}";
                titleZh = $"{colour.Zh}{material.Zh}{leaf.NounZh}";
                Point($"Made of {material.En}, weighs only {weight} g", $"{material.Zh}材质，只有{weight}克");
                Point($"A {style.En} {colour.En} look that goes with most outfits", $"{style.Zh}{colour.Zh}，百搭");
                break;
            }
            case ProductFamily.Beauty:
            {
                var ingredient = Pick(LibraryVocabulary.Ingredients);
                var skin = Pick(LibraryVocabulary.SkinTypes);
                var volume = random.Next(1, 11) * 10;
                Attr("key ingredient", "成分", ingredient.En, ingredient.Zh);
                Attr("skin type", "适用肤质", skin.En, skin.Zh);
                Attr("volume", "容量", $"{volume} ml", $"{volume}毫升");
                titleEn = $"{Cap(ingredient.En)} {leaf.NounEn} {volume} ml";
                titleZh = $"{ingredient.Zh}{leaf.NounZh}{volume}毫升";
                Point($"With {ingredient.En} for daily care", $"添加{ingredient.Zh}，日常护理");
                Point($"Suits {skin.En}", $"适合{skin.Zh}");
                Point($"{volume} ml in one bottle", $"一瓶{volume}毫升");
                break;
            }
            case ProductFamily.Food:
            {
                var origin = Pick(LibraryVocabulary.Origins);
                var weight = random.Next(1, 11) * 100;
                var months = random.Next(3, 13);
                Attr("origin", "产地", origin.En, origin.Zh);
                Attr("net weight", "净含量", $"{weight} g", $"{weight}克");
                Attr("shelf life", "保质期", $"{months} months", $"{months}个月");
                titleEn = $"{origin.En} {leaf.NounEn} {weight} g";
                titleZh = $"{origin.Zh}{leaf.NounZh}{weight}克";
                Point($"Sourced from {origin.En}", $"产自{origin.Zh}");
                Point($"{weight} g net, keeps for {months} months", $"净含量{weight}克，保质期{months}个月");
                break;
            }
            case ProductFamily.Home or ProductFamily.Toys:
            {
                var material = Pick(LibraryVocabulary.Materials[leaf.Family == ProductFamily.Toys ? ProductFamily.Toys : ProductFamily.Home]);
                var size = random.Next(2, 13) * 5;
                Attr("material", "材质", material.En, material.Zh);
                Attr("colour", "颜色", colour.En, colour.Zh);
                Attr("size", "尺寸", $"{size} cm", $"{size}厘米");
                titleEn = $"{Cap(style.En)} {material.En} {leaf.NounEn}";
                titleZh = $"{style.Zh}{material.Zh}{leaf.NounZh}";
                Point($"{Cap(material.En)}, easy to clean", $"{material.Zh}材质，好打理");
                Point($"{size} cm, fits most homes", $"{size}厘米，大多数家里都放得下");
                break;
            }
            default:
            {
                var material = Pick(LibraryVocabulary.Materials[ProductFamily.Electronics]);
                var battery = random.Next(4, 21) * 500;
                var warranty = random.Next(1, 3) * 12;
                Attr("material", "材质", material.En, material.Zh);
                Attr("colour", "颜色", colour.En, colour.Zh);
                Attr("battery", "电池", $"{battery} mAh", $"{battery}毫安时");
                Attr("warranty", "保修", $"{warranty} months", $"{warranty}个月");
                titleEn = $"{Cap(colour.En)} {leaf.NounEn} {battery} mAh";
                titleZh = $"{colour.Zh}{leaf.NounZh}{battery}毫安时";
                Point($"{battery} mAh battery for a long day", $"{battery}毫安时电池，用一整天");
                Point($"{warranty}-month warranty from the supplier", $"供应商保修{warranty}个月");
                Point($"{Cap(material.En)} body in {colour.En}", $"{material.Zh}机身，{colour.Zh}");
                break;
            }
        }

        Point("Ships within 48 hours", "48小时内发货");
        var price = Math.Round(leaf.BasePrice * (decimal)(0.6 + random.NextDouble() * 0.9), 0) - 0.1m;
        var sales = (long)Math.Round(Math.Exp(random.NextDouble() * 9.5));
        var ratingCount = (int)Math.Min(int.MaxValue, sales / 3 + random.Next(0, 20));
        var rating = ratingCount == 0 ? 0 : Math.Round(3.5 + random.NextDouble() * 1.5, 1);
        var id = "lib-" + index.ToString("D6", Inv);
        var images = Enumerable.Range(1, random.Next(3, 6)).Select(n => $"https://img.commerce.example/library/{id}/{n}.jpg").ToArray();
        return new LibraryItem
        {
            LibraryProductId = id,
            SupplierId = "sup-" + random.Next(1, 2001).ToString("D4", Inv),
            CategoryPath = leaf.Path,
            CategoryPathZh = leaf.PathZh,
            En = new ProductTexts(titleEn, en, pointsEn),
            Zh = new ProductTexts(titleZh, zh, pointsZh),
            Price = price,
            CommissionRate = Math.Round(0.05 + random.NextDouble() * 0.30, 2),
            SalesCount = sales,
            Rating = rating,
            RatingCount = ratingCount,
            SizeChart = sizeChart,
            ImageUris = images,
            AvailableStock = random.Next(50, 5001),
        };
    }

    private static SizeChartData SizeChart(Random random, bool kids)
    {
        var labels = kids ? LibraryVocabulary.KidsSizes : LibraryVocabulary.AdultSizes;
        var height = kids ? 95 + random.Next(0, 3) * 5 : 150 + random.Next(0, 3) * 5;
        var weight = kids ? 14 + random.Next(0, 3) : 40 + random.Next(0, 4) * 2;
        var bust = kids ? 52 + random.Next(0, 3) * 2 : 78 + random.Next(0, 3) * 2;
        var rows = new List<SizeRowData>();
        for (var i = 0; i < labels.Length; i++)
        {
            var h = height + i * (kids ? 10 : 5);
            var w = weight + i * (kids ? 3 : 5);
            var b = bust + i * 4;
            rows.Add(new SizeRowData(labels[i], new Dictionary<string, SizeRange>
            {
                ["height"] = new(h, h + (kids ? 9 : 4)),
                ["weight"] = new(w, w + (kids ? 2 : 4)),
                ["bust"] = new(b, b + 3),
            }));
        }

        return new SizeChartData("body", rows);
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
