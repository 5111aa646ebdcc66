using System.Text.RegularExpressions;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Agent;

/// <summary>The size advised, the chart row it comes from, and the review fact that shifted it, if any.</summary>
public sealed record SizeAdvice(string Size, SizeChartRow Row, ProductFact? FitFact, int Shift);

/// <summary>
/// Size from the size chart's height range (height_min/max, cm) and weight limit (weight_max, kg), then one
/// size down when reviews agree the product runs large (one up when small): the chart is what the merchant measured,
/// the reviews are how it wears.
/// </summary>
public static partial class SizeAdvisor
{
    public const double FitFactConfidence = 0.3;

    public static (double? HeightCm, double? WeightKg) ParseBody(string message)
    {
        double? height = null, weight = null;
        if (HeightCm().Match(message) is { Success: true } h) height = double.Parse(h.Groups[1].Value);
        else if (HeightMetres().Match(message) is { Success: true } hm) height = 100 + double.Parse(hm.Groups[1].Value);
        else if (ChineseMetres().Match(message) is { Success: true } cm) height = 100 + ChineseDigits(cm.Groups[1].Value);
        if (WeightKg().Match(message) is { Success: true } w) weight = double.Parse(w.Groups[1].Value);
        else if (WeightJin().Match(message) is { Success: true } j) weight = double.Parse(j.Groups[1].Value) / 2;
        return (height, weight);
    }

    public static SizeAdvice? Advise(IReadOnlyList<SizeChartRow> chart, double heightCm, double? weightKg, IReadOnlyList<ProductFact> facts)
    {
        var rows = chart.Where(r => r.MeasurementsCm.ContainsKey(SizeChartKeys.Min(SizeChartKeys.Height)) && r.MeasurementsCm.ContainsKey(SizeChartKeys.Max(SizeChartKeys.Height))).ToList();
        if (rows.Count == 0) return null;
        var index = rows.FindIndex(r => heightCm >= r.MeasurementsCm[SizeChartKeys.Min(SizeChartKeys.Height)] && heightCm < r.MeasurementsCm[SizeChartKeys.Max(SizeChartKeys.Height)]);
        if (index < 0) index = heightCm < rows[0].MeasurementsCm[SizeChartKeys.Min(SizeChartKeys.Height)] ? 0 : rows.Count - 1;
        while (weightKg is { } w && index < rows.Count - 1 && rows[index].MeasurementsCm.TryGetValue(SizeChartKeys.Max(SizeChartKeys.Weight), out var max) && w > max) index++;

        var fit = facts.Where(f => f.Source == FactSource.Review && f.Attribute == "review_fit" && f.Confidence >= FitFactConfidence)
            .OrderByDescending(f => f.Confidence).FirstOrDefault();
        var shift = fit?.Value switch { "runs large" => -1, "runs small" => 1, _ => 0 };
        var advised = Math.Clamp(index + shift, 0, rows.Count - 1);
        return new SizeAdvice(rows[advised].Size, rows[advised], shift == 0 ? null : fit, advised - index);
    }

    private static double ChineseDigits(string s)
    {
        const string digits = "零一二三四五六七八九";
        var tens = digits.IndexOf(s[0]);
        var units = s.Length > 1 ? digits.IndexOf(s[1]) : 0;
        return tens * 10 + Math.Max(0, units);
    }

    [GeneratedRegex(@"(1\d\d)\s*(?:cm|厘米|公分)", RegexOptions.IgnoreCase)]
    private static partial Regex HeightCm();

    [GeneratedRegex(@"1[.](\d\d)\s*m\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeightMetres();

    [GeneratedRegex(@"一米([五六七八九][零一二三四五六七八九]?)")]
    private static partial Regex ChineseMetres();

    [GeneratedRegex(@"(\d{2,3})\s*(?:kg|公斤)", RegexOptions.IgnoreCase)]
    private static partial Regex WeightKg();

    [GeneratedRegex(@"(\d{2,3})\s*斤")]
    private static partial Regex WeightJin();
}
