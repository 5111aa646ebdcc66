using Commerce.Clip.Domain;

namespace Commerce.Clip.Training;

/// <summary>
/// Rows for clip_scorer: every candidate of a session for every kind, labelled with its best IoU with a planted moment
/// of that kind. Regressing on the overlap (not a yes/no label) teaches the model to prefer the tightest boundaries.
/// </summary>
public static class TrainingRows
{
    public static IEnumerable<(float[] Features, float Label)> Of(LabelledSession session, Random sampler, double keepNegatives)
    {
        var timeline = new SignalTimeline(session.Signals);
        var candidates = CandidateGenerator.Generate(session.Signals, timeline);
        foreach (var c in candidates)
        {
            foreach (var kind in ClipKinds.All)
            {
                var label = session.Moments.Where(m => m.Kind == kind).Select(m => m.Span.IoU(c.Span)).DefaultIfEmpty(0).Max();
                if (label < 0.05 && sampler.NextDouble() > keepNegatives) continue;
                yield return (FeatureExtractor.Row(timeline, c, kind, VisualFeatures.None), (float)label);
            }
        }
    }
}
