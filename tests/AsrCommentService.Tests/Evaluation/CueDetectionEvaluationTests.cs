using Commerce.Asr.Domain.Cues;
using Commerce.TestSupport;

namespace Commerce.Asr.Tests.Evaluation;

/// <summary>Cue precision and recall on the labelled zh/en set (micro-averaged over (utterance, kind) pairs), each >= 0.9.</summary>
public sealed class CueDetectionEvaluationTests
{
    private static string DataPath => Path.Combine(AppContext.BaseDirectory, CueEvalSet.File);

    [Test]
    public void Committed_cue_set_is_what_its_generator_produces()
    {
        Assert.That(File.ReadAllText(DataPath), Is.EqualTo(CueEvalSet.ToTsv(CueEvalSet.Generate())));
    }

    [Test, Explicit("rewrites the committed data file from the generator")]
    public void Regenerate_cue_set()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "AsrCommentService.Tests", CueEvalSet.File);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, CueEvalSet.ToTsv(CueEvalSet.Generate()));
    }

    [Test]
    public void Cue_precision_and_recall_are_at_least_0_9_in_both_languages()
    {
        var rows = CueEvalSet.Load(DataPath);
        foreach (var lang in new[] { "zh", "en", "all" })
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (l, labels, text) in rows.Where(r => lang == "all" || r.Lang == lang))
            {
                var found = CueDetector.Detect(text).Select(c => c.Kind).ToHashSet();
                tp += found.Count(labels.Contains);
                fp += found.Count(k => !labels.Contains(k));
                fn += labels.Count(k => !found.Contains(k));
                if (!found.SetEquals(labels)) TestContext.Out.WriteLine($"  miss [{l}] want {string.Join(',', labels)} got {string.Join(',', found)}: {text}");
            }

            var precision = (double)tp / (tp + fp);
            var recall = (double)tp / (tp + fn);
            TestContext.Out.WriteLine($"{lang}: {rows.Count(r => lang == "all" || r.Lang == lang)} lines, precision {precision:F3}, recall {recall:F3} (threshold 0.9 each)");
            Assert.That(precision, Is.GreaterThanOrEqualTo(0.9), lang + " precision");
            Assert.That(recall, Is.GreaterThanOrEqualTo(0.9), lang + " recall");
        }
    }

    [Test]
    public void Call_for_comment_reports_what_to_type_and_countdown_reports_its_minutes()
    {
        var call = CueDetector.Detect("想要的宝宝们公屏扣1").Single(c => c.Kind == CueKind.CallForComment);
        var countdown = CueDetector.Detect("back to the original price in three minutes").Single(c => c.Kind == CueKind.Countdown);
        var price = CueDetector.Detect("这款皮带今天到手价只要39元").Single(c => c.Kind == CueKind.PriceReveal);

        Assert.That(call.RequestedComment, Is.EqualTo("1"));
        Assert.That(countdown.Countdown, Is.EqualTo(TimeSpan.FromMinutes(3)));
        Assert.That(price.Price, Is.EqualTo(39m));
    }
}
