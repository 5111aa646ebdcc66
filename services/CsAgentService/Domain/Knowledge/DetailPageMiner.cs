using System.Globalization;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// Facts of a detail page. Structured attributes are what the merchant declared (high confidence); selling points and
/// description sentences are marketing text (lower: "strict quality control" states nothing a buyer can check).
/// </summary>
public static class DetailPageMiner
{
    public const double AttributeConfidence = 0.95;
    public const double TextConfidence = 0.6;

    public static IReadOnlyList<ProductFact> Mine(ProductSnapshot product)
    {
        var facts = new List<ProductFact>();
        foreach (var (key, value) in product.Attributes)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value)) continue;
            var language = TextLanguage.Detect(key + value);
            facts.Add(new ProductFact(product.ProductId, key.Trim(), value.Trim(), language, FactSource.DetailAttribute,
                "attribute:" + key.Trim(), $"{key}: {value}", AttributeConfidence));
        }

        var texts = product.SellingPoints.Concat(SplitSentences(product.Description ?? "")).Where(s => s.Length >= 4).Distinct();
        var n = 0;
        foreach (var sentence in texts)
        {
            facts.Add(new ProductFact(product.ProductId, "detail_text", sentence, TextLanguage.Detect(sentence), FactSource.DetailText,
                $"detail:{n++}", Clip(sentence), TextConfidence));
        }

        foreach (var row in product.SizeChart)
        {
            var measures = string.Join(", ", row.MeasurementsCm.Select(m => $"{m.Key} {m.Value.ToString("0.#", CultureInfo.InvariantCulture)}"));
            facts.Add(new ProductFact(product.ProductId, "size_chart", $"{row.Size}: {measures}", TextLanguage.English,
                FactSource.DetailAttribute, "size_chart:" + row.Size, $"{row.Size}: {measures}", AttributeConfidence));
        }

        return facts;
    }

    private static IEnumerable<string> SplitSentences(string text) =>
        text.Split(['.', '!', '?', '。', '！', '？', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Clip(string s) => s.Length <= 300 ? s : s[..300];
}
