using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Tests.Evaluation;

/// <summary>A product of the generated catalog with what the task generator needs to know about it.</summary>
public sealed record GeneratedProduct(ProductSnapshot Snapshot, string Category, string NounEn, string NounZh, IReadOnlyDictionary<string, (string[] En, string[] Zh)> Concepts, int FitShift, string? ReviewSmell);

/// <summary>
/// A deterministic catalog (seeded System.Random) of six categories with detail attributes in English and Chinese, size
/// charts for apparel, reviews that carry aspects, and orders. Shared with the benchmark, which asks it for 50k products.
/// </summary>
public sealed class CatalogGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public static readonly string[] Categories = ["belt", "tshirt", "jacket", "sneakers", "earbuds", "bottle", "cream"];

    private static readonly IReadOnlyList<SizeChartRow> ApparelChart =
    [
        Row("S", 150, 160, 50), Row("M", 160, 170, 60), Row("L", 170, 178, 72), Row("XL", 178, 186, 85), Row("XXL", 186, 196, 100),
    ];

    private static SizeChartRow Row(string size, double min, double max, double weight) => new()
    {
        Size = size,
        MeasurementsCm = new Dictionary<string, double> { [SizeChartKeys.Min(SizeChartKeys.Height)] = min, [SizeChartKeys.Max(SizeChartKeys.Height)] = max, [SizeChartKeys.Max(SizeChartKeys.Weight)] = weight },
    };

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public int Next(int min, int max) => _random.Next(min, max);

    public double NextDouble() => _random.NextDouble();

    public GeneratedProduct Product(int index, string category)
    {
        var id = $"P{index:D6}";
        var attributes = new Dictionary<string, string>();
        var concepts = new Dictionary<string, (string[] En, string[] Zh)>();
        void Add(string concept, params (string KeyEn, string ValueEn, string KeyZh, string ValueZh)[] attrs)
        {
            foreach (var a in attrs)
            {
                attributes[a.KeyEn] = a.ValueEn;
                attributes[a.KeyZh] = a.ValueZh;
            }

            concepts[concept] = (attrs.Select(a => a.ValueEn).ToArray(), attrs.Select(a => a.ValueZh).ToArray());
        }

        string nounEn, nounZh, titleEn, titleZh;
        decimal price;
        var sizeChart = new List<SizeChartRow>();
        var colour = Pick<(string, string)>([("black", "黑色"), ("brown", "棕色"), ("navy", "藏青色"), ("white", "白色"), ("grey", "灰色")]);
        switch (category)
        {
            case "belt":
                nounEn = "belt"; nounZh = "腰带";
                var strap = Pick<(string, string)>([("genuine cowhide", "头层牛皮"), ("split leather", "二层牛皮"), ("PU leather", "PU人造革")]);
                var buckle = Pick<(string, string)>([("alloy", "合金"), ("stainless steel", "不锈钢"), ("zinc alloy", "锌合金")]);
                Add("material", ("strap_material", strap.Item1, "带身材质", strap.Item2), ("buckle_material", buckle.Item1, "带扣材质", buckle.Item2));
                Add("colour", ("colour", colour.Item1, "颜色", colour.Item2));
                price = Next(59, 299);
                break;
            case "tshirt":
            case "jacket":
                var isShirt = category == "tshirt";
                nounEn = isShirt ? "T-shirt" : "jacket"; nounZh = isShirt ? "T恤" : "夹克";
                var fabric = isShirt
                    ? Pick<(string, string)>([("100% cotton", "100%纯棉"), ("cotton and polyester blend", "棉涤混纺"), ("modal", "莫代尔")])
                    : Pick<(string, string)>([("nylon shell with polyester lining", "尼龙面料涤纶内衬"), ("cotton twill", "棉斜纹布")]);
                Add("material", ("material", fabric.Item1, "面料", fabric.Item2));
                Add("colour", ("colour", colour.Item1, "颜色", colour.Item2));
                Add("care", ("care", isShirt ? "machine wash cold, do not tumble dry" : "hand wash only", "洗涤", isShirt ? "可冷水机洗，勿烘干" : "仅可手洗"));
                sizeChart.AddRange(ApparelChart);
                price = isShirt ? Next(39, 129) : Next(199, 599);
                break;
            case "sneakers":
                nounEn = "sneakers"; nounZh = "运动鞋";
                var upper = Pick<(string, string)>([("breathable mesh", "透气网布"), ("full-grain leather", "头层皮"), ("canvas", "帆布")]);
                var sole = Pick<(string, string)>([("rubber", "橡胶"), ("EVA foam", "EVA发泡")]);
                Add("material", ("upper_material", upper.Item1, "鞋面材质", upper.Item2), ("sole_material", sole.Item1, "鞋底材质", sole.Item2));
                Add("colour", ("colour", colour.Item1, "颜色", colour.Item2));
                price = Next(159, 699);
                break;
            case "earbuds":
                nounEn = "earbuds"; nounZh = "耳机";
                var hours = Next(5, 9);
                Add("battery", ("battery_life", $"{hours} hours, {hours * 4} with the case", "续航", $"单次{hours}小时，配合充电盒{hours * 4}小时"));
                var ip = Pick<string>(["IPX4", "IPX5", "IPX7"]);
                Add("waterproof", ("waterproof_rating", ip, "防水等级", ip));
                Add("warranty", ("warranty", "1 year", "质保", "一年"));
                Add("weight", ("weight", $"{Next(4, 7)}.{Next(0, 9)} g per earbud", "重量", $"单耳{Next(4, 7)}克"));
                price = Next(99, 899);
                break;
            case "bottle":
                nounEn = "bottle"; nounZh = "保温杯";
                var ml = Pick<int>([350, 500, 750, 1000]);
                Add("capacity", ("capacity", $"{ml} ml", "容量", $"{ml}毫升"));
                Add("material", ("material", "304 stainless steel", "材质", "304不锈钢"));
                Add("weight", ("weight", $"{ml / 2 + 100} g", "重量", $"{ml / 2 + 100}克"));
                price = Next(49, 199);
                break;
            default:
                nounEn = "face cream"; nounZh = "面霜";
                Add("skin", ("skin_type", Pick<(string, string)>([("all skin types, including sensitive", "所有肤质，敏感肌可用"), ("dry and normal skin", "干性和中性肌肤")]).Item1, "适用肤质", "所有肤质"));
                // Keep the two languages in agreement: overwrite the zh value with the matching one.
                attributes["适用肤质"] = attributes["skin_type"].StartsWith("all", StringComparison.Ordinal) ? "所有肤质，敏感肌可用" : "干性和中性肌肤";
                concepts["skin"] = ([attributes["skin_type"]], [attributes["适用肤质"]]);
                Add("shelf_life", ("shelf_life", "3 years unopened, 12 months after opening", "保质期", "未开封3年，开封后12个月"));
                Add("capacity", ("capacity", "50 ml", "容量", "50毫升"));
                price = Next(89, 459);
                break;
        }

        titleEn = $"{colour.Item1} {nounEn} {index}";
        titleZh = $"{colour.Item2}{nounZh}{index}";
        var snapshot = new ProductSnapshot
        {
            ProductId = id, MerchantId = $"M{index % 20:D3}", StoreId = $"S{index % 20:D3}", Title = titleEn, TitleZh = titleZh,
            CategoryPath = [category], Attributes = attributes, Price = price,
            SellingPoints = ["strict quality control, buy with confidence", "严格品控，放心购买"],
            Description = $"Our best-selling {nounEn}. Fast dispatch.", SizeChart = sizeChart, Stock = 100,
        };
        var fitShift = sizeChart.Count > 0 ? Pick<int>([0, 0, -1, 1]) : 0;
        var smell = category is "sneakers" or "cream" && NextDouble() < 0.5 ? "strong" : null;
        return new GeneratedProduct(snapshot, category, nounEn, nounZh, concepts, fitShift, smell);
    }

    /// <summary>Reviews that state the product's fit shift and smell, with noise reviews that state nothing.</summary>
    public IEnumerable<ProductReview> Reviews(GeneratedProduct p)
    {
        var n = 0;
        string Id() => $"R{p.Snapshot.ProductId}-{n++}";
        if (p.FitShift != 0)
        {
            for (var i = 0; i < 5; i++)
            {
                yield return new ProductReview(Id(), p.Snapshot.ProductId, 4, p.FitShift < 0
                    ? Pick<string>(["Nice fabric but it runs large, size down.", "衣服不错，就是偏大，建议拍小一码", "Runs big, I returned for a smaller one."])
                    : Pick<string>(["Runs small, order a size up.", "尺码偏小，建议拍大一码", "Nice but runs small."]));
            }
        }

        if (p.ReviewSmell is not null)
        {
            for (var i = 0; i < 4; i++)
            {
                yield return new ProductReview(Id(), p.Snapshot.ProductId, 2, Pick<string>(["It smells of glue when new, a strong chemical smell.", "刚收到有异味，味道大", "Bad smell out of the box."]));
            }
        }

        for (var i = 0; i < 2; i++) yield return new ProductReview(Id(), p.Snapshot.ProductId, 5, Pick<string>(["Great value, fast delivery.", "物流很快，很满意", "As expected."]));
    }

    public OrderRecord Order(int index, string buyerId, GeneratedProduct p, DateTimeOffset now, FulfilmentState state, int daysSinceDelivery, decimal? paidUnitPrice = null)
    {
        var qty = 1;
        var unit = paidUnitPrice ?? p.Snapshot.Price;
        var placed = now.AddDays(-(daysSinceDelivery + 4));
        return new OrderRecord
        {
            OrderId = $"ORD-{index:D6}", BuyerId = buyerId, MerchantId = p.Snapshot.MerchantId, ProductId = p.Snapshot.ProductId, Quantity = qty,
            Amount = unit * qty, DiscountUsed = NextDouble() < 0.3 ? Math.Round(unit * 0.5m, 2) : 0, PlacedAt = state == FulfilmentState.Placed ? now.AddDays(-1) : placed,
            State = state,
            ShippedAt = state == FulfilmentState.Placed ? null : placed.AddDays(1),
            DeliveredAt = state == FulfilmentState.Delivered ? now.AddDays(-daysSinceDelivery) : null,
            Carrier = state == FulfilmentState.Placed ? null : Pick<string>(["SF Express", "ZTO Express"]),
            TrackingNumber = state == FulfilmentState.Placed ? null : $"SF{1_000_000_000 + index * 7919L}",
        };
    }
}
