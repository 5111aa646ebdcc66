using Commerce.ServiceDefaults.Errors;

namespace Commerce.TryOn.Domain.Sizing;

/// <summary>
/// Picks the size of a chart that the buyer's body most probably needs. The girths are uncertain (estimated from height
/// and weight, or self-measured), so the advice is a probability per size: draws of the body from <see cref="BodyEstimate"/>
/// are binned against the chart, and a draw needs the smallest size whose upper bound covers it in every region the chart
/// names (the binding region decides, as a fitter would).
/// </summary>
public sealed class SizeAdvisor
{
    public const int MaxRows = 20;
    private const int Draws = 1000;

    // Preference shifts the girths compared with the chart: a snug fit takes a size as if the body were smaller. These are
    // our design choices, not published figures.
    private static double PreferenceOffsetCm(FitPreference preference) => preference switch
    {
        FitPreference.Snug => -2.0,
        FitPreference.Relaxed => 4.0,
        _ => 0.0,
    };

    // A garment-basis chart measures the garment, which must exceed the body by some ease. Typical pattern-making ease
    // for a regular fit, taken as an assumption (no single published table): bust 8 cm, waist 6 cm, hip 6 cm, shoulder 1 cm.
    private static double EaseCm(BodyRegion region) => region switch
    {
        BodyRegion.Bust => 8.0,
        BodyRegion.Waist => 6.0,
        BodyRegion.Hip => 6.0,
        BodyRegion.ShoulderWidth => 1.0,
        _ => 0.0,
    };

    private static bool IsGirth(BodyRegion r) => r is BodyRegion.Bust or BodyRegion.Waist or BodyRegion.Hip;

    public SizeAdvice Advise(BodyProfile profile, SizeChart chart, FitPreference preference = FitPreference.Regular)
    {
        Validate(profile);
        Validate(chart);
        var estimate = BodyEstimate.From(profile);
        var draws = estimate.Sample(Draws, Seed(profile));
        var regions = chart.Rows.SelectMany(r => r.Ranges).Select(r => r.Region).Distinct().Where(r => Estimable(r)).ToArray();
        if (regions.Length == 0)
        {
            throw new PreconditionFailedException("the size chart has no region size advice can use (height, weight, bust, waist, hip or shoulder width)");
        }

        var counts = new int[chart.Rows.Count];
        var values = new double[regions.Length];
        var tight = new int[regions.Length];
        var loose = new int[regions.Length];
        var sizeOfDraw = new int[draws.Length];
        for (var d = 0; d < draws.Length; d++)
        {
            var size = 0;
            for (var r = 0; r < regions.Length; r++)
            {
                values[r] = Compared(regions[r], profile, draws[d], chart.GarmentBasis, preference);
                size = Math.Max(size, RequiredRow(chart, regions[r], values[r]));
            }

            counts[size]++;
            sizeOfDraw[d] = size;
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++) if (counts[i] > counts[best]) best = i;
        var row = chart.Rows[best];

        foreach (var draw in draws)
        {
            for (var r = 0; r < regions.Length; r++)
            {
                var range = row.Ranges.FirstOrDefault(x => x.Region == regions[r]);
                if (range is null) continue;
                var v = Compared(regions[r], profile, draw, chart.GarmentBasis, preference);
                if (v > range.Max) tight[r]++;
                else if (v < range.Min) loose[r]++;
            }
        }

        var fits = new List<RegionFitAdvice>();
        for (var r = 0; r < regions.Length; r++)
        {
            var range = row.Ranges.FirstOrDefault(x => x.Region == regions[r]);
            if (range is null) continue;
            var pTight = tight[r] / (double)Draws;
            var pLoose = loose[r] / (double)Draws;
            var pFits = 1 - pTight - pLoose;
            var (fit, p) = pTight > pFits && pTight >= pLoose ? (Fit.Tight, pTight)
                : pLoose > pFits ? (Fit.Loose, pLoose) : (Fit.Fits, pFits);
            fits.Add(new RegionFitAdvice(regions[r], fit, BodyValue(regions[r], profile, estimate), range.Min, range.Max, p));
        }

        var probabilities = chart.Rows.Select((x, i) => (x.Label, counts[i] / (double)Draws))
            .OrderByDescending(x => x.Item2).ToList();
        var measurements = new List<MeasurementUsed>
        {
            new(BodyRegion.Height, profile.HeightCm, false),
            new(BodyRegion.Weight, profile.WeightKg, false),
        };
        for (var i = 0; i < AnthropometricModel.Regions.Length; i++)
        {
            var region = AnthropometricModel.Regions[i];
            measurements.Add(new MeasurementUsed(region, Math.Round(BodyValue(region, profile, estimate), 1), !estimate.IsGiven(i)));
        }

        return new SizeAdvice(row.Label, counts[best] / (double)Draws, fits, probabilities, measurements);
    }

    /// <summary>Fit of one given size for this body, without choosing: tight if any region is probably tight, loose if any is probably loose and none tight.</summary>
    public Fit OverallFit(SizeAdvice adviceForSize)
    {
        if (adviceForSize.RegionFits.Any(f => f.Fit == Fit.Tight)) return Fit.Tight;
        return adviceForSize.RegionFits.Any(f => f.Fit == Fit.Loose) ? Fit.Loose : Fit.Fits;
    }

    /// <summary>The fit per region of a chosen size (e.g. the size a buyer is about to order).</summary>
    public IReadOnlyList<RegionFitAdvice> FitOf(BodyProfile profile, SizeChart chart, string sizeLabel, FitPreference preference = FitPreference.Regular)
    {
        var row = chart.Rows.FirstOrDefault(r => r.Label == sizeLabel) ?? throw new InvalidInputException($"size {sizeLabel} is not in the chart");
        var single = new SizeChart([row], chart.GarmentBasis);
        return Advise(profile, single, preference).RegionFits;
    }

    private static bool Estimable(BodyRegion r) =>
        r is BodyRegion.Height or BodyRegion.Weight or BodyRegion.Bust or BodyRegion.Waist or BodyRegion.Hip or BodyRegion.ShoulderWidth;

    private static double BodyValue(BodyRegion region, BodyProfile profile, BodyEstimate estimate) => region switch
    {
        BodyRegion.Height => profile.HeightCm,
        BodyRegion.Weight => profile.WeightKg,
        _ => estimate.MedianCm(Array.IndexOf(AnthropometricModel.Regions, region)),
    };

    private static double Compared(BodyRegion region, BodyProfile profile, double[] draw, bool garmentBasis, FitPreference preference)
    {
        var value = region switch
        {
            BodyRegion.Height => profile.HeightCm,
            BodyRegion.Weight => profile.WeightKg,
            _ => draw[Array.IndexOf(AnthropometricModel.Regions, region)],
        };
        if (IsGirth(region)) value += PreferenceOffsetCm(preference);
        if (garmentBasis) value += EaseCm(region);
        return value;
    }

    private static int RequiredRow(SizeChart chart, BodyRegion region, double value)
    {
        var last = 0;
        for (var i = 0; i < chart.Rows.Count; i++)
        {
            var range = chart.Rows[i].Ranges.FirstOrDefault(x => x.Region == region);
            if (range is null) continue;
            last = i;
            if (value <= range.Max) return i;
        }

        return last;
    }

    // Same body, same chart, same answer: the draws are seeded from the profile.
    // (HashCode.Combine is randomised per process, so a plain arithmetic hash.)
    private static int Seed(BodyProfile p)
    {
        unchecked
        {
            long h = 17;
            foreach (var v in new[] { p.HeightCm, p.WeightKg, p.BustCm ?? -1, p.WaistCm ?? -1, p.HipCm ?? -1, (double)p.Sex })
            {
                h = h * 31 + (long)Math.Round(v * 10);
            }

            return (int)(h & 0x7fffffff);
        }
    }

    public static void Validate(BodyProfile p)
    {
        if (!(p.HeightCm is >= 100 and <= 220)) throw new InvalidInputException("height_cm must be 100-220");
        if (!(p.WeightKg is >= 30 and <= 200)) throw new InvalidInputException("weight_kg must be 30-200");
        if (p.BustCm is { } b && !(b is >= 60 and <= 160)) throw new InvalidInputException("bust_cm must be 60-160");
        if (p.WaistCm is { } w && !(w is >= 45 and <= 160)) throw new InvalidInputException("waist_cm must be 45-160");
        if (p.HipCm is { } h && !(h is >= 60 and <= 170)) throw new InvalidInputException("hip_cm must be 60-170");
    }

    public static void Validate(SizeChart chart)
    {
        if (chart.Rows.Count == 0) throw new InvalidInputException("the size chart has no rows");
        if (chart.Rows.Count > MaxRows) throw new InvalidInputException($"the size chart has more than {MaxRows} rows");
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in chart.Rows)
        {
            if (string.IsNullOrWhiteSpace(row.Label) || row.Label.Length > 32) throw new InvalidInputException("every size needs a label of 1-32 characters");
            if (!labels.Add(row.Label)) throw new InvalidInputException($"size {row.Label} appears twice in the chart");
            if (row.Ranges.Select(r => r.Region).Distinct().Count() != row.Ranges.Count) throw new InvalidInputException($"size {row.Label} names a region twice");
            foreach (var range in row.Ranges)
            {
                if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Min < 0 || range.Max > 500 || range.Min > range.Max)
                {
                    throw new InvalidInputException($"size {row.Label}: {range.Region} range must be 0 <= min <= max <= 500");
                }
            }
        }
    }
}
