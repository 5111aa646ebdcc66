namespace Commerce.Onboarding.Domain.Library;

/// <summary>A leaf of the category tree with the noun its products are called by, in both languages.</summary>
public sealed record CategoryLeaf(string[] Path, string[] PathZh, string NounEn, string NounZh, ProductFamily Family, decimal BasePrice);

public enum ProductFamily
{
    Apparel,
    KidsApparel,
    ShoesBags,
    Beauty,
    Food,
    Home,
    Electronics,
    Toys,
}

/// <summary>
/// The platform's 3-level category tree (English names are the ids used in CategoryPath; Chinese names for display).
/// Fixed in code: the tree is platform configuration, and the library generator and validation must agree on it.
/// </summary>
public sealed class CategoryTree
{
    private static readonly (string En, string Zh, ProductFamily Family, (string En, string Zh, (string En, string Zh, string Noun, decimal Price)[] Leaves)[] Subs)[] Spec =
    [
        ("Women's Clothing", "女装", ProductFamily.Apparel, [
            ("Dresses", "连衣裙", [("Midi Dresses", "中长裙", "midi dress", 159m), ("Floral Dresses", "碎花裙", "floral dress", 129m), ("Shirt Dresses", "衬衫裙", "shirt dress", 149m)]),
            ("Tops", "上衣", [("T-Shirts", "T恤", "T-shirt", 59m), ("Blouses", "衬衫", "blouse", 99m), ("Knitwear", "针织衫", "knit sweater", 139m)]),
            ("Bottoms", "下装", [("Jeans", "牛仔裤", "pair of jeans", 129m), ("Wide-Leg Trousers", "阔腿裤", "pair of wide-leg trousers", 119m), ("Skirts", "半身裙", "skirt", 99m)])]),
        ("Men's Clothing", "男装", ProductFamily.Apparel, [
            ("Tops", "上衣", [("T-Shirts", "T恤", "T-shirt", 59m), ("Polo Shirts", "POLO衫", "polo shirt", 89m), ("Hoodies", "卫衣", "hoodie", 129m)]),
            ("Outerwear", "外套", [("Jackets", "夹克", "jacket", 199m), ("Down Jackets", "羽绒服", "down jacket", 399m), ("Trench Coats", "风衣", "trench coat", 299m)]),
            ("Bottoms", "下装", [("Chinos", "休闲裤", "pair of chinos", 119m), ("Jeans", "牛仔裤", "pair of jeans", 139m), ("Shorts", "短裤", "pair of shorts", 69m)])]),
        ("Shoes & Bags", "鞋包", ProductFamily.ShoesBags, [
            ("Shoes", "鞋", [("Sneakers", "运动鞋", "pair of sneakers", 199m), ("Loafers", "乐福鞋", "pair of loafers", 229m), ("Sandals", "凉鞋", "pair of sandals", 99m)]),
            ("Bags", "包", [("Tote Bags", "托特包", "tote bag", 129m), ("Backpacks", "双肩包", "backpack", 159m), ("Crossbody Bags", "斜挎包", "crossbody bag", 139m)]),
            ("Accessories", "配饰", [("Belts", "皮带", "belt", 79m), ("Wallets", "钱包", "wallet", 89m), ("Hats", "帽子", "hat", 49m)])]),
        ("Beauty", "美妆", ProductFamily.Beauty, [
            ("Skincare", "护肤", [("Moisturisers", "面霜", "moisturiser", 139m), ("Serums", "精华", "serum", 199m), ("Cleansers", "洁面", "cleanser", 69m)]),
            ("Makeup", "彩妆", [("Lipsticks", "口红", "lipstick", 99m), ("Foundations", "粉底液", "foundation", 159m), ("Eyeshadow", "眼影", "eyeshadow palette", 129m)]),
            ("Body Care", "身体护理", [("Body Lotions", "身体乳", "body lotion", 59m), ("Hand Creams", "护手霜", "hand cream", 29m), ("Shower Gels", "沐浴露", "shower gel", 39m)])]),
        ("Food", "食品", ProductFamily.Food, [
            ("Snacks", "零食", [("Nuts", "坚果", "pack of mixed nuts", 49m), ("Dried Fruit", "果干", "pack of dried fruit", 29m), ("Biscuits", "饼干", "box of biscuits", 25m)]),
            ("Drinks", "饮品", [("Tea", "茶叶", "tin of tea", 89m), ("Coffee", "咖啡", "bag of coffee beans", 79m), ("Juice", "果汁", "case of juice", 45m)]),
            ("Local Specialities", "地方特产", [("Honey", "蜂蜜", "jar of honey", 59m), ("Rice", "大米", "bag of rice", 49m), ("Noodles", "面条", "box of noodles", 29m)])]),
        ("Home", "家居", ProductFamily.Home, [
            ("Kitchen", "厨房", [("Cookware", "锅具", "frying pan", 129m), ("Knives", "刀具", "kitchen knife", 89m), ("Storage Boxes", "收纳盒", "storage box", 39m)]),
            ("Bedding", "床品", [("Duvets", "被子", "duvet", 259m), ("Pillows", "枕头", "pillow", 79m), ("Bed Sheets", "床单", "bed sheet set", 129m)]),
            ("Decor", "装饰", [("Lamps", "台灯", "desk lamp", 119m), ("Vases", "花瓶", "vase", 69m), ("Rugs", "地毯", "rug", 159m)])]),
        ("Electronics", "数码", ProductFamily.Electronics, [
            ("Audio", "音频", [("Earbuds", "耳机", "pair of wireless earbuds", 199m), ("Speakers", "音箱", "portable speaker", 159m), ("Microphones", "麦克风", "clip-on microphone", 99m)]),
            ("Phone Accessories", "手机配件", [("Chargers", "充电器", "fast charger", 59m), ("Power Banks", "充电宝", "power bank", 99m), ("Phone Cases", "手机壳", "phone case", 29m)]),
            ("Smart Home", "智能家居", [("Smart Plugs", "智能插座", "smart plug", 49m), ("Cameras", "摄像头", "home camera", 199m), ("Robot Vacuums", "扫地机器人", "robot vacuum", 999m)])]),
        ("Kids & Baby", "母婴", ProductFamily.KidsApparel, [
            ("Kids' Clothing", "童装", [("Kids' T-Shirts", "儿童T恤", "kids' T-shirt", 49m), ("Kids' Trousers", "儿童裤", "pair of kids' trousers", 59m), ("Rompers", "连体衣", "romper", 69m)]),
            ("Toys", "玩具", [("Building Blocks", "积木", "building block set", 129m), ("Plush Toys", "毛绒玩具", "plush toy", 59m), ("Puzzles", "拼图", "jigsaw puzzle", 39m)]),
            ("Baby Care", "婴儿护理", [("Diapers", "纸尿裤", "pack of diapers", 99m), ("Wipes", "湿巾", "pack of baby wipes", 29m), ("Baby Bottles", "奶瓶", "baby bottle", 69m)])]),
    ];

    public static CategoryTree Default { get; } = new();

    private CategoryTree()
    {
        var leaves = new List<CategoryLeaf>();
        foreach (var top in Spec)
        foreach (var sub in top.Subs)
        foreach (var leaf in sub.Leaves)
        {
            var family = top.Family;
            if (top.En == "Kids & Baby" && sub.En == "Toys") family = ProductFamily.Toys;
            if (top.En == "Kids & Baby" && sub.En == "Baby Care") family = ProductFamily.Home;
            leaves.Add(new CategoryLeaf([top.En, sub.En, leaf.En], [top.Zh, sub.Zh, leaf.Zh], leaf.Noun, leaf.Zh, family, leaf.Price));
        }

        Leaves = leaves;
    }

    public IReadOnlyList<CategoryLeaf> Leaves { get; }

    /// <summary>True when the path names a node of the tree (1 to 3 levels from the top).</summary>
    public bool Contains(IReadOnlyList<string> path) =>
        path.Count is >= 1 and <= 3 && Leaves.Any(l => path.Select((p, i) => l.Path[i] == p).All(x => x));

    public bool IsLeaf(IReadOnlyList<string> path) => path.Count == 3 && Contains(path);

    /// <summary>1 for the same leaf, 0.7 for the same second level, 0.4 for the same top, 0 otherwise (a broader live category fits its subtree fully).</summary>
    public static double Fit(IReadOnlyList<string> liveCategory, IReadOnlyList<string> productCategory)
    {
        var common = 0;
        while (common < liveCategory.Count && common < productCategory.Count && liveCategory[common] == productCategory[common]) common++;
        if (common == liveCategory.Count) return 1.0;
        return common switch { 2 => 0.7, 1 => 0.4, _ => 0.0 };
    }
}
