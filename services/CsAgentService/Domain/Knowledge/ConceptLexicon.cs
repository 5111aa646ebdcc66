namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// The bridge between how buyers ask and how detail pages are keyed: "real leather?" and 真皮吗 both mean the
/// <c>material</c> concept, which the attribute keys strap_material and 表带材质 also carry. A fact is only cited for a
/// question that names a concept when the fact carries that concept: this gate is what keeps a question about a
/// warranty from being answered with the strap's material.
/// </summary>
public static class ConceptLexicon
{
    private static readonly Dictionary<string, string[]> Concepts = new()
    {
        ["material"] = ["material", "leather", "cowhide", "real", "genuine", "fabric", "cotton", "polyester", "made", "metal",
            "alloy", "steel", "plastic", "wool", "silk", "pu", "材质", "材料", "用料", "面料", "真皮", "牛皮", "头层牛皮", "皮", "棉", "纯棉", "涤纶", "合金", "不锈钢", "塑料", "羊毛", "什么做的"],
        ["colour"] = ["colour", "color", "black", "white", "brown", "red", "blue", "fade", "faded", "颜色", "色", "黑色", "白色", "棕色", "掉色", "褪色", "色差"],
        ["size"] = ["dimension", "length", "width", "big", "long", "cm", "measurement", "尺寸", "长度", "宽度", "多长", "多宽", "多大"],
        ["fit"] = ["fit", "large", "small", "tight", "loose", "true", "偏大", "偏小", "正码", "合身", "紧", "松"],
        ["weight"] = ["weight", "weigh", "heavy", "light", "gram", "重量", "多重", "重", "克"],
        ["smell"] = ["smell", "odour", "odor", "stink", "smelly", "异味", "味道", "气味", "有味", "臭"],
        ["care"] = ["wash", "washing", "machine", "clean", "care", "dry", "洗", "水洗", "机洗", "清洗", "保养"],
        ["origin"] = ["origin", "country", "where", "manufactured", "产地", "哪里产", "哪里生产", "国产", "进口"],
        ["battery"] = ["battery", "charge", "charging", "hour", "电池", "续航", "充电", "待机", "电量"],
        ["waterproof"] = ["waterproof", "water", "rain", "sweat", "ipx4", "ipx5", "ipx7", "防水", "防汗", "雨"],
        ["capacity"] = ["capacity", "ml", "litre", "liter", "volume", "hold", "容量", "毫升", "升", "装多少"],
        ["warranty"] = ["warranty", "guarantee", "repair", "保修", "质保", "维修", "三包"],
        ["skin"] = ["skin", "sensitive", "ingredient", "allergy", "肤质", "敏感肌", "成分", "过敏"],
        ["shelf_life"] = ["expiry", "expire", "shelf", "保质期", "过期", "有效期"],
        ["quality"] = ["quality", "sturdy", "durable", "broke", "broken", "cheap", "质量", "结实", "耐用", "做工", "坏"],
    };

    private static readonly Dictionary<string, string> TermToConcept = BuildIndex();

    /// <summary>Domain words jieba must keep whole.</summary>
    public static IEnumerable<string> ChineseTerms =>
        Concepts.Values.SelectMany(v => v).Where(t => TextLanguage.Detect(t) == TextLanguage.Chinese && t.Length > 1)
            .Concat(["表带", "表扣", "带扣", "鞋底", "鞋面", "耳机", "充电盒", "瓶身", "瓶盖", "面霜", "内衬", "带身", "腰带", "鞋面", "续航", "装多少"]);

    public static IReadOnlySet<string> ConceptsOf(IEnumerable<string> tokens)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            if (TermToConcept.TryGetValue(t, out var c)) set.Add(c);
        }

        return set;
    }

    /// <summary>Concepts whose Chinese terms (two characters or more) occur in the text, whatever jieba made of it.</summary>
    public static IReadOnlySet<string> ConceptsInChineseText(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (TextLanguage.Detect(text) != TextLanguage.Chinese) return set;
        foreach (var (term, concept) in TermToConcept)
        {
            if (term.Length >= 2 && TextLanguage.Detect(term) == TextLanguage.Chinese && text.Contains(term, StringComparison.Ordinal)) set.Add(concept);
        }

        return set;
    }

    private static Dictionary<string, string> BuildIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (concept, terms) in Concepts)
        {
            index.TryAdd(concept, concept);
            foreach (var t in terms) index.TryAdd(t, concept);
        }

        return index;
    }
}
