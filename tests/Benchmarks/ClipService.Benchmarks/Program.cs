using System.Diagnostics;
using Commerce.Clip.Domain;
using Commerce.Clip.Media;
using Commerce.Clip.Training;

// Usage: dotnet run -c Release --project tests/Benchmarks/ClipService.Benchmarks [-- <clip_scorer model.onnx>]
// Prints: scoring the signals of a 2-hour session (median of 5 after a warm-up), stream-copy cutting speed against
// real time, and ffmpeg frame sampling throughput (the input side of frame embedding).
var repo = FindRepo();
var model = args.Length > 0 ? args[0] : Path.Combine(repo, "eng", "artifacts", "model-repository", "clip_scorer", "1", "model.onnx");
using var scorer = new OnnxClipScorer(model);

// 1. Scoring a 2-hour session: timeline, candidates, features and clip_scorer for all three kinds, then selection.
var session = SessionGenerator.Generate(777, 7200, productCount: 10).Signals;
var runs = new List<double>();
var cpuRuns = new List<double>();
var candidateCount = 0;
for (var i = 0; i < 6; i++)
{
    var watch = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var timeline = new SignalTimeline(session);
    var candidates = CandidateGenerator.Generate(session, timeline);
    var ranked = await new SegmentRanker(scorer).RankAsync(timeline, candidates, ClipKinds.All, VisualFeatures.None, CancellationToken.None);
    _ = SegmentRanker.Select(ranked, 6);
    candidateCount = candidates.Count;
    if (i > 0) runs.Add(watch.Elapsed.TotalSeconds);
    if (i > 0) cpuRuns.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

runs.Sort();
cpuRuns.Sort();
{
    var timeline = new SignalTimeline(session);
    var w = Stopwatch.StartNew();
    var candidates = CandidateGenerator.Generate(session, timeline);
    var tCand = w.Elapsed.TotalSeconds;
    var rows = candidates.Select(c => FeatureExtractor.Row(timeline, c, ClipKind.HotItem, VisualFeatures.None)).ToArray();
    var tFeat = w.Elapsed.TotalSeconds - tCand;
    await scorer.ScoreAsync(rows, CancellationToken.None);
    var tScore = w.Elapsed.TotalSeconds - tCand - tFeat;
    Console.WriteLine($"  breakdown: candidates {tCand:F3} s, features {tFeat:F3} s, clip_scorer one kind {tScore:F3} s");
}
Console.WriteLine($"scoring a 2-hour session ({session.Transcript.Count} sentences, {candidateCount} candidates x 3 kinds): median {runs[runs.Count / 2]:F3} s (min {runs[0]:F3}, max {runs[^1]:F3}); CPU time median {cpuRuns[cpuRuns.Count / 2]:F3} s (both cores); target < 2 s");

// 2. Stream-copy cutting: a 20-minute 320x240 video, ten 60-second clips.
var work = Directory.CreateTempSubdirectory("clip-bench-").FullName;
try
{
    var video = Path.Combine(work, "long.mp4");
    await SessionVideo.RenderBlankAsync(video, 1200);
    var info = await VideoProbe.ProbeAsync(video, CancellationToken.None);
    var cpuBefore = ChildCpuSeconds();
    var cutWatch = Stopwatch.StartNew();
    double clipSeconds = 0;
    for (var i = 0; i < 10; i++)
    {
        var start = 30 + i * 110.0;
        var cut = await ClipCutter.CutAsync(video, info, start, start + 60, CutMode.StreamCopy, Path.Combine(work, $"c{i}.mp4"), CancellationToken.None);
        clipSeconds += cut.DurationSeconds;
    }

    var copyTime = cutWatch.Elapsed.TotalSeconds;
    var copyCpu = ChildCpuSeconds() - cpuBefore;
    cutWatch.Restart();
    var accurate = await ClipCutter.CutAsync(video, info, 31.3, 91.3, CutMode.FrameAccurate, Path.Combine(work, "accurate.mp4"), CancellationToken.None);
    var accurateTime = cutWatch.Elapsed.TotalSeconds;
    Console.WriteLine($"stream copy: {clipSeconds:F0} s of clips in {copyTime:F2} s = {clipSeconds / copyTime:F0}x real time by the wall clock, " +
                      $"{clipSeconds / Math.Max(0.01, copyCpu):F0}x by ffmpeg's CPU time ({copyCpu:F2} s) (target >= 100x); " +
                      $"frame-accurate re-encode: {accurate.DurationSeconds:F0} s in {accurateTime:F2} s = {accurate.DurationSeconds / accurateTime:F0}x");

    // 3. Frame sampling for the embedder: 1 frame/s of the 20-minute video scaled to 224x224 RGB.
    var frames = Path.Combine(work, "frames.rgb");
    var sampleWatch = Stopwatch.StartNew();
    using (var p = Process.Start(new ProcessStartInfo("ffmpeg", $"-v error -i {video} -vf fps=1,scale=224:224 -f rawvideo -pix_fmt rgb24 -y {frames}")))
    {
        await p!.WaitForExitAsync();
    }

    var count = new FileInfo(frames).Length / (224 * 224 * 3);
    Console.WriteLine($"frame sampling (ffmpeg, 1 fps, 224x224 RGB): {count} frames in {sampleWatch.Elapsed.TotalSeconds:F2} s = {count / sampleWatch.Elapsed.TotalSeconds:F0} frames/s");
}
finally
{
    Directory.Delete(work, recursive: true);
}

// CPU seconds (user + system) of finished child processes, from /proc/self/stat (clock ticks of 1/100 s): on a shared
// machine this is steadier than the wall clock, which includes waiting for a core.
static double ChildCpuSeconds()
{
    var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (double.Parse(fields[13]) + double.Parse(fields[14])) / 100.0;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Commerce.Aspire.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Commerce.Aspire.sln not found");
}
