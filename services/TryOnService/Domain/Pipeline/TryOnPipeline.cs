using System.Diagnostics;
using Commerce.ServiceDefaults.Errors;
using Commerce.TryOn.Domain.Body;
using Commerce.TryOn.Domain.Garments;
using Commerce.TryOn.Domain.Warping;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Pipeline;

/// <summary>
/// Person photo + garment photo -> the person wearing the garment: body mask and landmarks, garment mask and type,
/// garment keypoints, a thin-plate spline from body to garment turned into a sampling grid, and the composer.
/// </summary>
public sealed class TryOnPipeline(BodyAnalyzer analyzer, IGarmentClassifier classifier, ITryOnComposer composer)
{
    /// <summary>Above this the classifier overrides a caller's hint of another fit; below it the answer is flagged uncertain.</summary>
    public const double ConfidentClass = 0.6;

    public async Task<TryOnRendering> RunAsync(Mat person, Mat garment, GarmentClass? hint, CancellationToken cancellationToken)
    {
        var stages = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        double Lap()
        {
            var ms = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            return ms;
        }

        var warnings = new List<TryOnWarningNote>();
        using var garmentMask = GarmentMaskExtractor.Extract(garment);
        stages["garment_mask"] = Lap();
        var probabilities = await classifier.ClassifyAsync(FashionMnistThumbnail.From(garment, garmentMask), cancellationToken);
        stages["garment_type"] = Lap();
        var (garmentClass, confidence) = DecideClass(probabilities, hint, warnings);
        var fit = GarmentClasses.FitOf(garmentClass);
        if (fit == GarmentFit.NotWearable)
        {
            throw new PreconditionFailedException($"{GarmentClasses.Name(garmentClass)} is not supported for try-on (tops, dresses, coats and trousers are)");
        }

        using var body = analyzer.Analyze(person);
        stages["person_mask_and_pose"] = Lap();
        var poseConfidence = PoseConfidence(body, fit);
        AddBodyWarnings(body, fit, person, poseConfidence, warnings);

        var keypoints = GarmentKeypoints.Find(garmentMask, fit);
        var pairs = BodyTargets.For(fit, body);
        var spline = new ThinPlateSpline(
            pairs.Select(p => p.Body).ToList(),
            pairs.Select(p => keypoints[p.Garment]).ToList());
        using var allowed = AllowedRegion(body);
        using var grid = SamplingGrid.Build(spline, person.Size(), garment.Size(), allowed);
        using var keep8 = KeepMask.Build(body);
        stages["warp_grid"] = Lap();

        using var softMask = new Mat();
        garmentMask.ConvertTo(softMask, MatType.CV_32F, 1 / 255.0);
        Cv2.GaussianBlur(softMask, softMask, new Size(5, 5), 0);
        using var keep = new Mat();
        keep8.ConvertTo(keep, MatType.CV_32F, 1 / 255.0);
        var composite = await ComposeWithinAsync(Cv2.BoundingRect(allowed), person, garment, softMask, grid, keep, cancellationToken);
        stages["compose"] = Lap();

        var coverage = Coverage(softMask, grid, keep);
        return new TryOnRendering(composite, coverage, garmentClass, confidence, poseConfidence, warnings, stages);
    }

    /// <summary>
    /// Composes only inside <paramref name="region"/> (where the garment may land) and keeps the rest of the photo as it
    /// was: the composer's cost grows with its input, and a person fills a fraction of a typical photo. The composer's
    /// shading is then relative to the person's surroundings rather than to the whole scene.
    /// </summary>
    private async Task<Mat> ComposeWithinAsync(Rect region, Mat person, Mat garment, Mat softMask, SamplingGrid grid, Mat keep,
        CancellationToken cancellationToken)
    {
        var composite = person.Clone();
        if (region.Width == 0 || region.Height == 0) return composite;
        using var personPart = new Mat(person, region).Clone();
        using var keepPart = new Mat(keep, region).Clone();
        using var gridPart = new SamplingGrid(new Mat(grid.MapX, region).Clone(), new Mat(grid.MapY, region).Clone(), grid.GarmentWidth, grid.GarmentHeight);
        using var composed = await composer.ComposeAsync(new ComposerInputs(personPart, garment, softMask, gridPart, keepPart), cancellationToken);
        using var target = new Mat(composite, region);
        composed.CopyTo(target);
        return composite;
    }

    /// <summary>Where the garment's alpha (warped mask, minus what stays in front) is above one half: what a viewer sees as garment.</summary>
    public static Mat Coverage(Mat softMask, SamplingGrid grid, Mat keep)
    {
        using var warped = new Mat();
        Cv2.Remap(softMask, warped, grid.MapX, grid.MapY, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        using var front = new Mat();
        Cv2.Subtract(new Scalar(1.0), keep, front);
        Cv2.Multiply(warped, front, warped);
        using var binary = new Mat();
        Cv2.Threshold(warped, binary, 0.5, 255, ThresholdTypes.Binary);
        var coverage = new Mat();
        binary.ConvertTo(coverage, MatType.CV_8U);
        return coverage;
    }

    private static (GarmentClass, double) DecideClass(IReadOnlyList<double> p, GarmentClass? hint, List<TryOnWarningNote> warnings)
    {
        var best = 0;
        for (var i = 1; i < p.Count; i++) if (p[i] > p[best]) best = i;
        var top = (GarmentClass)best;
        if (hint is not { } h) 
        {
            if (p[best] < ConfidentClass) warnings.Add(new(TryOnWarning.GarmentTypeUncertain, $"the garment looks most like a {GarmentClasses.Name(top)}, but that is uncertain"));
            return (top, p[best]);
        }

        if (GarmentClasses.FitOf(h) == GarmentClasses.FitOf(top)) return (h, Math.Max(p[(int)h], p[best]));
        if (p[best] >= ConfidentClass)
        {
            warnings.Add(new(TryOnWarning.GarmentTypeUncertain, $"the garment looks like a {GarmentClasses.Name(top)}, not a {GarmentClasses.Name(h)}"));
            return (top, p[best]);
        }

        return (h, p[(int)h]);
    }

    private static double PoseConfidence(BodyAnalysis body, GarmentFit fit)
    {
        int[] needed = fit == GarmentFit.Trousers
            ? [Landmark.LeftHip, Landmark.RightHip, Landmark.LeftKnee, Landmark.RightKnee, Landmark.LeftAnkle, Landmark.RightAnkle]
            : [Landmark.LeftShoulder, Landmark.RightShoulder, Landmark.LeftHip, Landmark.RightHip];
        return body.PoseConfidence * needed.Average(i => body[i].Visibility);
    }

    private static void AddBodyWarnings(BodyAnalysis body, GarmentFit fit, Mat person, double poseConfidence, List<TryOnWarningNote> warnings)
    {
        bool Inside(PoseLandmark l) => l.Visibility >= 0.5 && l.X >= 0 && l.Y >= 0 && l.X < person.Width && l.Y < person.Height;
        // The model guesses landmarks beyond the frame, so a person mask that touches the top or bottom edge also counts.
        var cut = body.Box.Y <= 1 || body.Box.Bottom >= person.Height - 1;
        if (cut || !Inside(body[Landmark.LeftAnkle]) || !Inside(body[Landmark.RightAnkle]) || !Inside(body[Landmark.Nose]))
        {
            warnings.Add(new(TryOnWarning.NotFullBody, "photo is not full-body; the garment may be cut off"));
        }

        if (poseConfidence < 0.5) warnings.Add(new(TryOnWarning.LowPoseConfidence, "the body's pose is uncertain"));
        if (Math.Max(person.Width, person.Height) < 512) warnings.Add(new(TryOnWarning.LowResolution, "the photo is small; the result is blurry"));

        // A wrist well inside the torso (between the shoulders, between shoulder and hip height) means the arms cross it.
        var xs = new[] { body[Landmark.LeftShoulder].X, body[Landmark.RightShoulder].X };
        var (left, right) = (xs.Min(), xs.Max());
        var inset = 0.2f * (right - left);
        var top = Math.Min(body[Landmark.LeftShoulder].Y, body[Landmark.RightShoulder].Y);
        var bottom = Math.Max(body[Landmark.LeftHip].Y, body[Landmark.RightHip].Y);
        foreach (var w in new[] { body[Landmark.LeftWrist], body[Landmark.RightWrist] })
        {
            if (w.Visibility >= 0.5 && w.X > left + inset && w.X < right - inset && w.Y > top && w.Y < bottom)
            {
                warnings.Add(new(TryOnWarning.ArmsCrossTorso, "arms cross the torso; the garment may cover them"));
                break;
            }
        }
    }

    // The garment may land on the person and a little around it (a loose hem), never on the background beyond.
    private static Mat AllowedRegion(BodyAnalysis body)
    {
        var radius = Math.Max(2, (int)(0.015 * body.Box.Height));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2 * radius + 1, 2 * radius + 1));
        var allowed = new Mat();
        Cv2.Dilate(body.PersonMask, allowed, kernel);
        return allowed;
    }
}
