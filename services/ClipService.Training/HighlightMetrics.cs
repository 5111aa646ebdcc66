using Commerce.Clip.Domain;

namespace Commerce.Clip.Training;

/// <summary>Per-kind figures on labelled sessions, as moment retrieval reports them (QVHighlights style).</summary>
public sealed record KindMetrics(ClipKind Kind, int Sessions, double HitAt1, double MeanTopIoU, double MapAt50, double MapAt75);

public static class HighlightMetrics
{
    /// <summary>The top-1 segment is a hit when it overlaps a planted moment of its kind with IoU at least this.</summary>
    public const double HitIoU = 0.5;

    public static KindMetrics Evaluate(ClipKind kind, IReadOnlyList<(IReadOnlyList<ScoredSegment> Ranked, IReadOnlyList<PlantedMoment> Moments)> sessions)
    {
        var relevant = sessions.Where(s => s.Moments.Any(m => m.Kind == kind)).ToList();
        double hits = 0, iou = 0, ap50 = 0, ap75 = 0;
        foreach (var (ranked, moments) in relevant)
        {
            var truth = moments.Where(m => m.Kind == kind).Select(m => m.Span).ToList();
            var top = ranked.FirstOrDefault();
            var topIoU = top is null ? 0 : truth.Max(m => m.IoU(top.Span));
            if (topIoU >= HitIoU) hits++;
            iou += topIoU;
            ap50 += AveragePrecision(ranked, truth, 0.5);
            ap75 += AveragePrecision(ranked, truth, 0.75);
        }

        var n = Math.Max(1, relevant.Count);
        return new KindMetrics(kind, relevant.Count, hits / n, iou / n, ap50 / n, ap75 / n);
    }

    /// <summary>Average precision of a ranked list: each planted moment matched at most once, at the given IoU.</summary>
    public static double AveragePrecision(IReadOnlyList<ScoredSegment> ranked, IReadOnlyList<Span> truth, double threshold)
    {
        if (truth.Count == 0) return 0;
        var matched = new bool[truth.Count];
        double tp = 0, sum = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            var best = -1;
            var bestIoU = threshold;
            for (var j = 0; j < truth.Count; j++)
            {
                var v = truth[j].IoU(ranked[i].Span);
                if (!matched[j] && v >= bestIoU) { best = j; bestIoU = v; }
            }

            if (best < 0) continue;
            matched[best] = true;
            tp++;
            sum += tp / (i + 1);
        }

        return sum / truth.Count;
    }
}
