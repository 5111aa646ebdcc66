using Commerce.Clip.Domain;
using Commerce.Clip.Training;
using Commerce.TestSupport;

namespace Commerce.Clip.Tests;

/// <summary>
/// clip_scorer on the held-out generated sessions (EvalData/heldout-sessions.jsonl.gz, seeds 1001-1020, never trained
/// on): HIT@1 at least 0.8 and top-1 IoU with the planted moment at least 0.6 for every kind.
/// </summary>
public sealed class EvaluationTests
{
    private static string ModelPath => Path.Combine(RepoPaths.Artifacts, "model-repository", "clip_scorer", "1", "model.onnx");
    private static string DataPath => Path.Combine(AppContext.BaseDirectory, "EvalData", "heldout-sessions.jsonl.gz");

    [Test]
    public void Held_out_data_file_is_what_the_generator_makes_from_its_seeds()
    {
        var fromFile = EvaluationFile.Read(DataPath);
        var generated = EvaluationSets.HeldOut().ToList();
        Assert.That(fromFile.Select(EvaluationFile.Serialize), Is.EqualTo(generated.Select(EvaluationFile.Serialize)));
    }

    [Test]
    public async Task Clip_scorer_finds_the_planted_moments_of_held_out_sessions()
    {
        Assert.That(File.Exists(ModelPath), Is.True, $"clip_scorer missing at {ModelPath}: run eng/prereqs.sh (eng/prereqs.d/40-clip.sh trains it)");
        using var scorer = new OnnxClipScorer(ModelPath);
        var perKind = ClipKinds.All.ToDictionary(k => k, _ => new List<(IReadOnlyList<ScoredSegment>, IReadOnlyList<PlantedMoment>)>());
        foreach (var session in EvaluationFile.Read(DataPath))
        {
            var timeline = new SignalTimeline(session.Signals);
            var ranked = await new SegmentRanker(scorer).RankAsync(timeline, CandidateGenerator.Generate(session.Signals, timeline),
                ClipKinds.All, VisualFeatures.None, CancellationToken.None);
            foreach (var kind in ClipKinds.All) perKind[kind].Add((ranked[kind], session.Moments));
        }

        var metrics = ClipKinds.All.Select(k => HighlightMetrics.Evaluate(k, perKind[k])).ToList();
        TestContext.Out.WriteLine("kind                 sessions  HIT@1  top-1 IoU  mAP@0.5  mAP@0.75");
        foreach (var m in metrics)
        {
            TestContext.Out.WriteLine($"{m.Kind,-20} {m.Sessions,8}  {m.HitAt1,5:F2}  {m.MeanTopIoU,9:F2}  {m.MapAt50,7:F2}  {m.MapAt75,8:F2}");
        }

        TestContext.Out.WriteLine("For scale (QVHighlights test, Moment-DETR, Lei et al. 2021): HIT@1 55.60, R1@0.5 52.89, mAP 30.73 (real videos, open queries).");
        Assert.Multiple(() =>
        {
            foreach (var m in metrics)
            {
                Assert.That(m.Sessions, Is.GreaterThanOrEqualTo(15), $"{m.Kind}: enough held-out sessions with a planted moment");
                Assert.That(m.HitAt1, Is.GreaterThanOrEqualTo(0.8), $"{m.Kind} HIT@1");
                Assert.That(m.MeanTopIoU, Is.GreaterThanOrEqualTo(0.6), $"{m.Kind} top-1 IoU");
            }
        });
    }
}
