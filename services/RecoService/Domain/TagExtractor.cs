using System.Text.RegularExpressions;

namespace Commerce.Reco.Domain;

/// <summary>
/// Interest tags of an item: attribute values by facet (style, material, occasion, colour) and keywords of the English
/// and Chinese titles. Category words are left out: category affinity is tracked on its own.
/// </summary>
public sealed partial class TagExtractor(IChineseTokenizer? chinese)
{
    private const int MaxTags = 12;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "new", "set", "pcs", "women", "womens", "men", "mens", "size", "from", "your", "our",
        "live", "clip", "room", "today", "this", "that", "sale", "hot", "best",
    };

    public IReadOnlyList<ItemTag> Extract(CatalogItem item)
    {
        var tags = new List<ItemTag>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string text, TagFacet facet)
        {
            var t = text.Trim().ToLowerInvariant();
            if (t.Length < 2 || t.Length > 40 || tags.Count >= MaxTags || !seen.Add(t)) return;
            tags.Add(new ItemTag(t, facet));
        }

        foreach (var (key, value) in item.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var facet = FacetOf(key);
            if (facet is null) continue;
            foreach (var part in value.Split([',', ';', '/', '|'], StringSplitOptions.RemoveEmptyEntries)) Add(part, facet.Value);
        }

        var categoryWords = item.CategoryPath.SelectMany(l => l.Split([' ', '_', '-'])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Word().Matches(item.Title.ToLowerInvariant()))
        {
            var w = m.Value;
            if (w.Length >= 3 && !StopWords.Contains(w) && !categoryWords.Contains(w) && !char.IsDigit(w[0])) Add(w, TagFacet.Keyword);
        }

        if (chinese is not null && !string.IsNullOrWhiteSpace(item.TitleZh))
        {
            foreach (var w in chinese.Cut(item.TitleZh))
            {
                if (w.Length >= 2 && w.Any(c => c >= 0x4E00 && c <= 0x9FFF)) Add(w, TagFacet.Keyword);
            }
        }

        return tags;
    }

    public static TagFacet? FacetOf(string attributeKey) => attributeKey.Trim().ToLowerInvariant() switch
    {
        "style" or "风格" => TagFacet.Style,
        "material" or "fabric" or "材质" or "面料" => TagFacet.Material,
        "occasion" or "场合" => TagFacet.Occasion,
        "color" or "colour" or "颜色" => TagFacet.Colour,
        "pattern" or "fit" or "season" or "brand" => TagFacet.Keyword,
        _ => null,
    };

    [GeneratedRegex("[a-z][a-z0-9]+")]
    private static partial Regex Word();
}
