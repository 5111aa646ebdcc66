using Commerce.TestSupport;
using Commerce.TryOn.Domain.Body;
using Commerce.TryOn.Domain.Garments;
using Commerce.TryOn.Domain.Pipeline;
using Commerce.TryOn.Tests.Fixtures;
using OpenCvSharp;

namespace Commerce.TryOn.Tests;

/// <summary>
/// Geometry of the pipeline on the fixture set, composed by the TEST-ONLY <see cref="InProcessComposer"/> so the geometry is
/// measured without the host (<see cref="TryOnThroughInferenceHostTests"/> composes through InferenceHost). Result pictures go to eng/artifacts/tryon-results.
/// </summary>
public sealed class TryOnQualityTests
{
    private static readonly string Models = Path.Combine(RepoPaths.Artifacts, "models");
    private static readonly string Results = Path.Combine(RepoPaths.Artifacts, "tryon-results");

    [Test]
    public async Task Garments_land_on_the_torso_and_face_and_background_stay_the_persons_own()
    {
        Directory.CreateDirectory(Results);
        var analyzer = new BodyAnalyzer(new PersonSegmenter(Path.Combine(Models, "selfie_segmentation.tflite")), new PoseEstimator(Path.Combine(Models, "pose_landmark_lite.tflite")));
        var people = new (string, Func<Mat>)[] { ("person", PersonPhotos.Person), ("astronaut", PersonPhotos.Astronaut), ("person-mirrored", PersonPhotos.PersonMirroredLarger) };
        var garments = new (string, Func<Mat>, GarmentClass)[]
        {
            ("tshirt", () => GarmentPhotos.TShirt(new Scalar(40, 40, 200)), GarmentClass.TShirtTop),
            ("dress", () => GarmentPhotos.Dress(new Scalar(160, 40, 160)), GarmentClass.Dress),
            ("coat", () => GarmentPhotos.Coat(new Scalar(30, 90, 60)), GarmentClass.Coat),
            ("fmnist-pullover", () => GarmentPhotos.FashionMnist(2), GarmentClass.Pullover),
            ("trousers", () => GarmentPhotos.Trousers(new Scalar(120, 60, 20)), GarmentClass.Trouser),
        };
        var ious = new List<double>();
        var trouserIous = new List<double>();
        var minPsnr = double.MaxValue;
        foreach (var (personName, makePerson) in people)
        foreach (var (garmentName, makeGarment, cls) in garments)
        {
            using var person = makePerson();
            using var garment = makeGarment();
            var pipeline = new TryOnPipeline(analyzer, new FixedClassifier(cls), new InProcessComposer());
            using var r = await pipeline.RunAsync(person, garment, null, CancellationToken.None);
            using var body = analyzer.Analyze(person);
            using var expected = BodyTargets.ExpectedRegion(GarmentClasses.FitOf(cls), body);
            var iou = Iou(expected, r.GarmentCoverage);
            var (face, background) = UntouchedRegions(body, r.GarmentCoverage);
            var psnrFace = Psnr(person, r.Composite, face);
            var psnrBackground = Psnr(person, r.Composite, background);
            Cv2.ImWrite(Path.Combine(Results, $"{personName}-{garmentName}.png"), r.Composite);
            TestContext.Out.WriteLine($"{personName} + {garmentName}: IoU {iou:F3}, PSNR face {psnrFace:F1} dB, background {psnrBackground:F1} dB, pose {r.PoseConfidence:F2}, warnings [{string.Join(", ", r.Warnings.Select(w => w.Code))}]");
            ious.Add(iou);
            if (cls == GarmentClass.Trouser) trouserIous.Add(iou);
            minPsnr = Math.Min(minPsnr, Math.Min(psnrFace, psnrBackground));
        }

        // The threshold holds over the whole fixture set; trousers alone stay below it (feet together on person.jpg, seen
        // from behind), which the README reports rather than hides.
        TestContext.Out.WriteLine($"mean IoU over the fixture set: {ious.Average():F3} (threshold 0.7); trousers alone {trouserIous.Average():F3}; min {ious.Min():F3}; min PSNR {minPsnr:F1} dB (threshold 40)");
        Assert.That(ious.Average(), Is.GreaterThanOrEqualTo(0.7));
        Assert.That(minPsnr, Is.GreaterThanOrEqualTo(40));
    }

    [Test]
    public void No_person_and_several_people_are_refused()
    {
        var analyzer = new BodyAnalyzer(new PersonSegmenter(Path.Combine(Models, "selfie_segmentation.tflite")), new PoseEstimator(Path.Combine(Models, "pose_landmark_lite.tflite")));
        using var empty = PersonPhotos.Empty();
        using var two = PersonPhotos.TwoPeople();
        Assert.That(() => analyzer.Analyze(empty), Throws.TypeOf<Commerce.ServiceDefaults.Errors.PreconditionFailedException>().With.Message.Contains("no person"));
        Assert.That(() => analyzer.Analyze(two), Throws.TypeOf<Commerce.ServiceDefaults.Errors.PreconditionFailedException>().With.Message.Contains("several people"));
    }

    private static double Iou(Mat a, Mat b)
    {
        using var i = new Mat();
        using var u = new Mat();
        Cv2.BitwiseAnd(a, b, i);
        Cv2.BitwiseOr(a, b, u);
        return Cv2.CountNonZero(i) / (double)Math.Max(1, Cv2.CountNonZero(u));
    }

    // Face: the box around the face landmarks (0-10). Background: outside the person mask grown by 5% of the body height.
    private static (Mat Face, Mat Background) UntouchedRegions(BodyAnalysis body, Mat coverage)
    {
        var pts = Enumerable.Range(0, 11).Select(i => body[i]).ToList();
        var face = new Mat(coverage.Size(), MatType.CV_8U, Scalar.All(0));
        var box = Rect.FromLTRB((int)pts.Min(p => p.X), (int)pts.Min(p => p.Y), (int)pts.Max(p => p.X), (int)pts.Max(p => p.Y));
        Cv2.Rectangle(face, box, Scalar.All(255), -1);
        var r = Math.Max(3, body.Box.Height / 20);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(2 * r + 1, 2 * r + 1));
        using var grown = new Mat();
        Cv2.Dilate(body.PersonMask, grown, kernel);
        var background = new Mat();
        Cv2.BitwiseNot(grown, background);
        return (face, background);
    }

    private static double Psnr(Mat a, Mat b, Mat region)
    {
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        using var f = new Mat();
        diff.ConvertTo(f, MatType.CV_32FC3);
        using var sq = new Mat();
        Cv2.Multiply(f, f, sq);
        var n = Cv2.CountNonZero(region);
        if (n == 0) return 100;
        var sum = Cv2.Sum(new Mat(sq.Size(), sq.Type(), Scalar.All(0)).Apply(z => { sq.CopyTo(z, region); return z; }));
        var mse = (sum.Val0 + sum.Val1 + sum.Val2) / (3.0 * n);
        return mse < 1e-10 ? 100 : 10 * Math.Log10(255 * 255 / mse);
    }
}

internal static class MatExtensions
{
    public static Mat Apply(this Mat m, Func<Mat, Mat> f) => f(m);
}
