using Commerce.TryOn.Domain.Garments;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Pipeline;

public enum TryOnWarning { ArmsCrossTorso, NotFullBody, LowPoseConfidence, GarmentTypeUncertain, LowResolution }

public sealed record TryOnWarningNote(TryOnWarning Code, string Message);

/// <summary>The result of one try-on: the composite (BGR), where the garment landed (CV_8U), what was found.</summary>
public sealed class TryOnRendering(Mat composite, Mat garmentCoverage, GarmentClass garmentClass, double garmentConfidence,
    double poseConfidence, IReadOnlyList<TryOnWarningNote> warnings, IReadOnlyDictionary<string, double> stageMs) : IDisposable
{
    public Mat Composite { get; } = composite;

    /// <summary>255 where the garment covers the person (alpha above one half).</summary>
    public Mat GarmentCoverage { get; } = garmentCoverage;

    public GarmentClass GarmentClass { get; } = garmentClass;

    public double GarmentConfidence { get; } = garmentConfidence;

    public double PoseConfidence { get; } = poseConfidence;

    public IReadOnlyList<TryOnWarningNote> Warnings { get; } = warnings;

    /// <summary>Milliseconds per stage, for the benchmark.</summary>
    public IReadOnlyDictionary<string, double> StageMs { get; } = stageMs;

    public void Dispose()
    {
        Composite.Dispose();
        GarmentCoverage.Dispose();
    }
}
