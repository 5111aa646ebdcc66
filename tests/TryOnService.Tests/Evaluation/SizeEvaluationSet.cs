using System.Globalization;
using System.Text;
using Commerce.TryOn.Domain.Sizing;

namespace Commerce.TryOn.Tests.Evaluation;

/// <summary>
/// Generator of the size-advice evaluation set (size-eval.csv beside this file; regenerated and compared by the test so
/// the two never drift). The population: per sex, (ln height, ln weight) bivariate normal with the means, SDs and
/// correlation of the 507 adults of Heinz et al. (2003, J. Statistics Education 11(2)) — women ln H 5.1044 (sd 0.0397),
/// ln W 4.0926 (sd 0.1510), r 0.460; men 5.1795 (0.0404), 4.3495 (0.1349), r 0.544 — and girths drawn from
/// <see cref="AnthropometricModel"/> with its residual covariance. The truth therefore follows the same relations the
/// advisor uses (the set measures the advice's decision rule under realistic body variation, not the relations' external
/// validity). Half the buyers state bust, waist and hip, with 1.5 cm self-measurement error; half give height and weight
/// only. The "ordered" size is the true size or a neighbour (the ModCloth-style question: will this size fit?).
/// </summary>
public static class SizeEvaluationSet
{
    public const int Seed = 20261207;
    public const int Count = 2000;
    public const string FileName = "size-eval.csv";

    public static readonly IReadOnlyDictionary<string, SizeChart> Charts = new Dictionary<string, SizeChart>
    {
        ["women-top"] = Chart(["XS", "S", "M", "L", "XL", "XXL"],
            (BodyRegion.Bust, [78, 82, 86, 90, 95, 100, 106]), (BodyRegion.Waist, [60, 64, 68, 72, 77, 82, 88])),
        ["women-dress"] = Chart(["XS", "S", "M", "L", "XL", "XXL"],
            (BodyRegion.Bust, [78, 82, 86, 90, 95, 100, 106]), (BodyRegion.Waist, [60, 64, 68, 72, 77, 82, 88]),
            (BodyRegion.Hip, [84, 88, 92, 96, 101, 106, 112])),
        ["women-trousers"] = Chart(["26", "27", "28", "29", "30", "31"],
            (BodyRegion.Waist, [60, 64, 68, 72, 77, 82, 88]), (BodyRegion.Hip, [84, 88, 92, 96, 101, 106, 112])),
        ["men-shirt"] = Chart(["S", "M", "L", "XL", "XXL", "3XL"],
            (BodyRegion.Bust, [86, 92, 98, 104, 110, 116, 124]), (BodyRegion.Waist, [72, 78, 84, 90, 96, 102, 110]),
            (BodyRegion.ShoulderWidth, [36, 39, 41, 43, 45, 47, 50])),
        ["men-trousers"] = Chart(["29", "31", "33", "35", "37", "39"],
            (BodyRegion.Waist, [72, 78, 84, 90, 96, 102, 110]), (BodyRegion.Hip, [88, 94, 100, 106, 112, 118, 126])),
    };

    public sealed record Buyer(int Id, Sex Sex, double HeightCm, double WeightKg, double? BustCm, double? WaistCm, double? HipCm,
        string Chart, double TrueBust, double TrueWaist, double TrueHip, double TrueShoulder, string TrueSize, string OrderedSize, Fit TrueFitOfOrdered);

    public static IReadOnlyList<Buyer> Generate()
    {
        var random = new Random(Seed);
        var buyers = new List<Buyer>(Count);
        for (var id = 0; id < Count; id++)
        {
            var sex = random.NextDouble() < 0.5 ? Sex.Female : Sex.Male;
            var (mh, sh, mw, sw, r) = sex == Sex.Female ? (5.1044, 0.0397, 4.0926, 0.1510, 0.460) : (5.1795, 0.0404, 4.3495, 0.1349, 0.544);
            var z1 = Normal(random);
            var z2 = Normal(random);
            var height = Math.Clamp(Math.Exp(mh + sh * z1), 100, 220);
            var weight = Math.Clamp(Math.Exp(mw + sw * (r * z1 + Math.Sqrt(1 - r * r) * z2)), 30, 200);
            height = Math.Round(height, 1);
            weight = Math.Round(weight, 1);

            var model = AnthropometricModel.For(sex);
            var mean = model.LogMean(height, weight);
            var chol = SmallMatrix.Cholesky(model.LogCovariance());
            var z = mean.Select(_ => Normal(random)).ToArray();
            var girth = new double[mean.Length];
            for (var i = 0; i < mean.Length; i++)
            {
                var v = mean[i];
                for (var j = 0; j <= i; j++) v += chol[i, j] * z[j];
                girth[i] = Math.Round(Math.Exp(v), 1);
            }

            var charts = sex == Sex.Female ? new[] { "women-top", "women-dress", "women-trousers" } : ["men-shirt", "men-trousers"];
            var chartName = charts[random.Next(charts.Length)];
            var chart = Charts[chartName];
            var states = random.NextDouble() < 0.5;
            double? Stated(double truth) => states ? Math.Round(Math.Clamp(truth + 1.5 * Normal(random), 45, 170), 1) : null;
            var bust = Stated(girth[0]);
            var waist = Stated(girth[1]);
            var hip = Stated(girth[2]);

            var trueIndex = TrueRow(chart, height, weight, girth);
            var orderedIndex = Math.Clamp(trueIndex + random.Next(-1, 2), 0, chart.Rows.Count - 1);
            var fit = TrueFit(chart.Rows[orderedIndex], height, weight, girth);
            buyers.Add(new Buyer(id, sex, height, weight, bust, waist, hip, chartName, girth[0], girth[1], girth[2], girth[3],
                chart.Rows[trueIndex].Label, chart.Rows[orderedIndex].Label, fit));
        }

        return buyers;
    }

    public static string ToCsv(IReadOnlyList<Buyer> buyers)
    {
        var sb = new StringBuilder("id,sex,height_cm,weight_kg,bust_cm,waist_cm,hip_cm,chart,true_bust,true_waist,true_hip,true_shoulder,true_size,ordered_size,true_fit_of_ordered\n");
        static string F(double? v) => v?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        foreach (var b in buyers)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{b.Id},{b.Sex},{F(b.HeightCm)},{F(b.WeightKg)},{F(b.BustCm)},{F(b.WaistCm)},{F(b.HipCm)},{b.Chart},")
              .Append(CultureInfo.InvariantCulture, $"{F(b.TrueBust)},{F(b.TrueWaist)},{F(b.TrueHip)},{F(b.TrueShoulder)},{b.TrueSize},{b.OrderedSize},{b.TrueFitOfOrdered}\n");
        }

        return sb.ToString();
    }

    public static IReadOnlyList<Buyer> Parse(string csv)
    {
        static double? D(string s) => s.Length == 0 ? null : double.Parse(s, CultureInfo.InvariantCulture);
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new Buyer(int.Parse(f[0], CultureInfo.InvariantCulture), Enum.Parse<Sex>(f[1]), D(f[2])!.Value, D(f[3])!.Value, D(f[4]), D(f[5]), D(f[6]), f[7],
                D(f[8])!.Value, D(f[9])!.Value, D(f[10])!.Value, D(f[11])!.Value, f[12], f[13], Enum.Parse<Fit>(f[14]));
        }).ToList();
    }

    // The truth uses the advisor's rule on the true body: the smallest size whose upper bound covers every region.
    private static int TrueRow(SizeChart chart, double height, double weight, double[] girth)
    {
        var need = 0;
        foreach (var region in chart.Rows[0].Ranges.Select(r => r.Region))
        {
            var v = Value(region, height, weight, girth);
            var i = 0;
            while (i < chart.Rows.Count - 1 && v > chart.Rows[i].Ranges.First(r => r.Region == region).Max) i++;
            need = Math.Max(need, i);
        }

        return need;
    }

    private static Fit TrueFit(SizeRow row, double height, double weight, double[] girth)
    {
        var tight = row.Ranges.Any(r => Value(r.Region, height, weight, girth) > r.Max);
        var loose = row.Ranges.Any(r => Value(r.Region, height, weight, girth) < r.Min);
        return tight ? Fit.Tight : loose ? Fit.Loose : Fit.Fits;
    }

    private static double Value(BodyRegion region, double height, double weight, double[] girth) => region switch
    {
        BodyRegion.Height => height,
        BodyRegion.Weight => weight,
        _ => girth[Array.IndexOf(AnthropometricModel.Regions, region)],
    };

    private static SizeChart Chart(string[] labels, params (BodyRegion Region, double[] Bounds)[] regions) =>
        new(labels.Select((label, i) => new SizeRow(label, regions.Select(r => new SizeRange(r.Region, r.Bounds[i], r.Bounds[i + 1])).ToList())).ToList());

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
