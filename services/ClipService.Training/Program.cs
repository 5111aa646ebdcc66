using System.Diagnostics;
using Commerce.Clip.Domain;
using Commerce.Clip.Training;

// Usage: train <model.onnx>        trains clip_scorer on the training seeds, exports ONNX, prints held-out figures.
//        write-eval <sessions.jsonl>  writes the held-out sessions (the evaluation data file of the tests).
if (args.Length == 2 && args[0] == "write-eval")
{
    EvaluationFile.Write(args[1], EvaluationSets.HeldOut());
    Console.WriteLine($"wrote {args[1]}");
    return 0;
}

if (args.Length != 2 || args[0] != "train")
{
    Console.Error.WriteLine("usage: Commerce.ClipService.Training train <model.onnx> | write-eval <sessions.jsonl>");
    return 2;
}

var watch = Stopwatch.StartNew();
ClipScorerTrainer.Train(EvaluationSets.Training(), args[1], Console.WriteLine);
Console.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F1} s");

using var scorer = new OnnxClipScorer(args[1]);
var ranked = new List<(IReadOnlyList<ScoredSegment>, IReadOnlyList<PlantedMoment>)>[3];
for (var k = 0; k < 3; k++) ranked[k] = [];
foreach (var session in EvaluationSets.HeldOut())
{
    var timeline = new SignalTimeline(session.Signals);
    var candidates = CandidateGenerator.Generate(session.Signals, timeline);
    var byKind = await new SegmentRanker(scorer).RankAsync(timeline, candidates, ClipKinds.All, VisualFeatures.None, CancellationToken.None);
    foreach (var kind in ClipKinds.All) ranked[(int)kind].Add((byKind[kind], session.Moments));
}

foreach (var kind in ClipKinds.All)
{
    var m = HighlightMetrics.Evaluate(kind, ranked[(int)kind]);
    Console.WriteLine($"held-out {kind}: sessions {m.Sessions} HIT@1 {m.HitAt1:F2} top-1 IoU {m.MeanTopIoU:F2} mAP@0.5 {m.MapAt50:F2} mAP@0.75 {m.MapAt75:F2}");
}

return 0;
