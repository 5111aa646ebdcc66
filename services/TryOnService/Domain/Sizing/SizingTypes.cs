namespace Commerce.TryOn.Domain.Sizing;

/// <summary>The body regions a size chart can describe; values in cm, weight in kg.</summary>
public enum BodyRegion { Height, Weight, Bust, Waist, Hip, ShoulderWidth, SleeveLength, GarmentLength, Inseam }

/// <summary>Selects the anthropometric relations; Unspecified uses relations fitted over both sexes.</summary>
public enum Sex { Unspecified, Female, Male }

public enum FitPreference { Regular, Snug, Relaxed }

public enum Fit { Tight, Fits, Loose }

/// <summary>What the buyer told us about their body.</summary>
public sealed record BodyProfile(double HeightCm, double WeightKg, double? BustCm = null, double? WaistCm = null, double? HipCm = null, Sex Sex = Sex.Unspecified);

public sealed record SizeRange(BodyRegion Region, double Min, double Max);

public sealed record SizeRow(string Label, IReadOnlyList<SizeRange> Ranges);

/// <summary>A size chart, smallest size first. <see cref="GarmentBasis"/>: ranges are the garment's own measurements, not the body's.</summary>
public sealed record SizeChart(IReadOnlyList<SizeRow> Rows, bool GarmentBasis = false);

public sealed record RegionFitAdvice(BodyRegion Region, Fit Fit, double BodyCm, double SizeMin, double SizeMax, double Confidence);

public sealed record MeasurementUsed(BodyRegion Region, double Value, bool Estimated);

public sealed record SizeAdvice(
    string RecommendedSize,
    double Confidence,
    IReadOnlyList<RegionFitAdvice> RegionFits,
    IReadOnlyList<(string Label, double Probability)> SizeProbabilities,
    IReadOnlyList<MeasurementUsed> Measurements);
