namespace Commerce.Onboarding.Domain.Library;

/// <summary>Bilingual words the library generator draws from; tests use the same lists to check a script's faithfulness.</summary>
public static class LibraryVocabulary
{
    public static readonly (string En, string Zh)[] Colours =
        [("black", "黑色"), ("white", "白色"), ("navy", "藏青色"), ("beige", "米色"), ("red", "红色"), ("green", "绿色"), ("grey", "灰色"), ("pink", "粉色")];

    public static readonly (string En, string Zh)[] Styles =
        [("casual", "休闲"), ("classic", "经典"), ("minimalist", "简约"), ("vintage", "复古"), ("sporty", "运动")];

    public static readonly Dictionary<ProductFamily, (string En, string Zh)[]> Materials = new()
    {
        [ProductFamily.Apparel] = [("cotton", "棉"), ("linen", "亚麻"), ("silk", "真丝"), ("polyester", "涤纶"), ("denim", "牛仔布"), ("wool", "羊毛"), ("modal", "莫代尔")],
        [ProductFamily.KidsApparel] = [("cotton", "棉"), ("bamboo fibre", "竹纤维"), ("modal", "莫代尔")],
        [ProductFamily.ShoesBags] = [("cowhide", "牛皮"), ("canvas", "帆布"), ("PU leather", "PU皮"), ("nylon", "尼龙"), ("suede", "麂皮")],
        [ProductFamily.Home] = [("ceramic", "陶瓷"), ("stainless steel", "不锈钢"), ("bamboo", "竹"), ("glass", "玻璃"), ("cotton", "棉")],
        [ProductFamily.Electronics] = [("aluminium alloy", "铝合金"), ("ABS plastic", "ABS塑料")],
        [ProductFamily.Toys] = [("ABS plastic", "ABS塑料"), ("wood", "木"), ("plush", "毛绒")],
    };

    public static readonly (string En, string Zh)[] Ingredients =
        [("hyaluronic acid", "玻尿酸"), ("niacinamide", "烟酰胺"), ("vitamin C", "维生素C"), ("ceramide", "神经酰胺"), ("green tea extract", "绿茶提取物")];

    public static readonly (string En, string Zh)[] SkinTypes = [("dry skin", "干性肌肤"), ("oily skin", "油性肌肤"), ("all skin types", "所有肤质")];

    public static readonly (string En, string Zh)[] Origins = [("Yunnan", "云南"), ("Xinjiang", "新疆"), ("Fujian", "福建"), ("Sichuan", "四川"), ("Heilongjiang", "黑龙江")];

    public static readonly (string En, string Zh)[] Occasions = [("daily wear", "日常"), ("office", "通勤"), ("weekend outings", "周末出游"), ("date night", "约会")];

    public static readonly string[] AdultSizes = ["S", "M", "L", "XL", "XXL"];

    public static readonly string[] KidsSizes = ["100", "110", "120", "130", "140"];

    /// <summary>Every material word in both languages, for the faithfulness check.</summary>
    public static IEnumerable<(string En, string Zh)> AllMaterials => Materials.Values.SelectMany(m => m).Distinct();
}
