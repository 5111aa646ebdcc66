using System.Diagnostics;
using Commerce.Benchmarks;
using Commerce.Protos.Inference;
using Commerce.TestSupport;
using Commerce.TryOn.Domain.Body;
using Commerce.TryOn.Domain.Pipeline;
using Commerce.TryOn.Domain.Warping;
using Commerce.TryOn.Inference;
using OpenCvSharp;

// Usage: dotnet run -c Release --project tests/Benchmarks/TryOnService.Benchmarks [-- --runs 20 --device cpu]
// End-to-end try-on of a 768x1024 JPEG (decode, person mask and pose, garment mask, garment_type and tryon_composer on
// InferenceHost in its own process, JPEG encode of the result): p50/p90 and each stage's share of the median run.
var repo = RepoPaths.Root;
var runs = Option("--runs", 20);
var device = OptionText("--device", "cpu");
var artifacts = Path.Combine(repo, "eng", "artifacts");

using var photo = PortraitPhoto(Path.Combine(artifacts, "fixtures", "person.jpg"));
var personJpeg = photo.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
using var dressPhoto = DressPhoto();
var garmentPng = dressPhoto.ImEncode(".png");

using var host = await InferenceHostProcess.StartAsync(repo, device);
var inference = new Commerce.InferenceClient.InferenceClient(new GRPCInferenceService.GRPCInferenceServiceClient(host.Channel));
var models = Path.Combine(artifacts, "models");
var analyzer = new BodyAnalyzer(new PersonSegmenter(Path.Combine(models, "selfie_segmentation.tflite")), new PoseEstimator(Path.Combine(models, "pose_landmark_lite.tflite")));
var pipeline = new TryOnPipeline(analyzer, new InferenceGarmentClassifier(inference), new InferenceTryOnComposer(inference));

var totals = new List<double>();
var stageRuns = new List<Dictionary<string, double>>();
for (var i = 0; i < runs + 2; i++)
{
    var clock = Stopwatch.StartNew();
    using var person = Cv2.ImDecode(personJpeg, ImreadModes.Color);
    using var garment = Cv2.ImDecode(garmentPng, ImreadModes.Color);
    var decode = clock.Elapsed.TotalMilliseconds;
    using var rendering = await pipeline.RunAsync(person, garment, null, CancellationToken.None);
    var beforeEncode = clock.Elapsed.TotalMilliseconds;
    _ = rendering.Composite.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
    var total = clock.Elapsed.TotalMilliseconds;
    if (i < 2) continue; // warm-up: first OpenCV DNN and ONNX runs
    var stages = new Dictionary<string, double>(rendering.StageMs) { ["decode"] = decode, ["encode"] = total - beforeEncode };
    totals.Add(total);
    stageRuns.Add(stages);
}

var order = totals.Select((t, i) => (t, i)).OrderBy(x => x.t).ToArray();
var median = order[order.Length / 2];
Console.WriteLine($"try-on 768x1024 JPEG, {runs} runs after 2 warm-ups, InferenceHost device={device}, {Environment.ProcessorCount} cores");
Console.WriteLine($"end-to-end p50 {median.t:F0} ms, p90 {order[(int)(order.Length * 0.9)].t:F0} ms, min {order[0].t:F0} ms (target: p50 < 400 ms on CPU)");
Console.WriteLine("stage share of the median run:");
foreach (var (stage, ms) in stageRuns[median.i].OrderByDescending(s => s.Value))
{
    Console.WriteLine($"  {stage,-22} {ms,7:F1} ms  {100 * ms / median.t,5:F1} %");
}

// The composer on the whole photo (as before) vs on the person's region (as the pipeline now does), alternated in this run.
Rect region;
using (var person = Cv2.ImDecode(personJpeg, ImreadModes.Color))
using (var body = analyzer.Analyze(person))
{
    region = body.Box;
}

var composer = new InferenceTryOnComposer(inference);
var full = new List<double>();
var part = new List<double>();
for (var i = 0; i < Math.Max(6, runs / 2); i++)
{
    full.Add(await TimeComposeAsync(composer, 1024, 768));
    part.Add(await TimeComposeAsync(composer, region.Height, region.Width));
}

full.Sort();
part.Sort();
Console.WriteLine($"tryon_composer: whole 768x1024 photo p50 {full[full.Count / 2]:F0} ms vs person region {region.Width}x{region.Height} p50 {part[part.Count / 2]:F0} ms: {full[full.Count / 2] / part[part.Count / 2]:F1}x");
return;

static async Task<double> TimeComposeAsync(InferenceTryOnComposer composer, int height, int width)
{
    using var person = new Mat(height, width, MatType.CV_8UC3, new Scalar(120, 130, 140));
    using var garment = new Mat(600, 450, MatType.CV_8UC3, new Scalar(160, 40, 160));
    using var mask = new Mat(600, 450, MatType.CV_32F, Scalar.All(1));
    using var keep = new Mat(height, width, MatType.CV_32F, Scalar.All(0));
    using var grid = new SamplingGrid(new Mat(height, width, MatType.CV_32F, Scalar.All(100)), new Mat(height, width, MatType.CV_32F, Scalar.All(100)), 450, 600);
    var clock = Stopwatch.StartNew();
    using var composite = await composer.ComposeAsync(new ComposerInputs(person, garment, mask, grid, keep), CancellationToken.None);
    return clock.Elapsed.TotalMilliseconds;
}

static Mat PortraitPhoto(string path)
{
    // person.jpg is a 640x424 landscape with one full-body person; a 3:4 crop around her, scaled to 768x1024.
    using var scene = Cv2.ImRead(path);
    using var crop = new Mat(scene, new Rect(80, 24, 300, 400));
    var portrait = new Mat();
    Cv2.Resize(crop, portrait, new Size(768, 1024), 0, 0, InterpolationFlags.Cubic);
    return portrait;
}

static Mat DressPhoto()
{
    var image = new Mat(600, 450, MatType.CV_8UC3, new Scalar(245, 245, 245));
    Point[] outline = [new(180, 45), new(270, 45), new(292, 180), new(372, 555), new(78, 555), new(158, 180)];
    Cv2.FillPoly(image, [outline], new Scalar(160, 40, 160));
    return image;
}

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

string OptionText(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).DefaultIfEmpty(fallback).First();
