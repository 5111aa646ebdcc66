using Commerce.Clip.Domain;
using Commerce.Clip.Training;

namespace Commerce.Clip.Tests;

public sealed class DomainTests
{
    [Test]
    public void Span_iou_is_overlap_over_union()
    {
        Assert.That(new Span(0, 10).IoU(new Span(5, 15)), Is.EqualTo(5.0 / 15).Within(1e-9));
        Assert.That(new Span(0, 10).IoU(new Span(10, 20)), Is.EqualTo(0));
        Assert.That(new Span(3, 9).IoU(new Span(3, 9)), Is.EqualTo(1));
    }

    [Test]
    public void Rolling_baseline_flags_a_burst_against_the_rooms_own_level_not_its_steady_traffic()
    {
        var values = Enumerable.Range(0, 400).Select(i => i is >= 300 and < 320 ? 20.0 : 10.0 + (i % 3)).ToArray();
        var z = RollingBaseline.ZScores(values);
        Assert.That(z.Skip(300).Take(20).Min(), Is.GreaterThan(SignalTimeline.SpikeZ), "every second of the burst stands out");
        Assert.That(z.Skip(150).Take(140).Max(), Is.LessThan(SignalTimeline.SpikeZ), "steady traffic of a big room is not a spike");
    }

    [Test]
    public void Candidates_last_15_to_90_seconds_and_start_and_end_on_sentence_or_product_boundaries()
    {
        var session = SessionGenerator.Generate(5, 600).Signals;
        var timeline = new SignalTimeline(session);
        var candidates = CandidateGenerator.Generate(session, timeline);
        var starts = session.Transcript.Select(l => l.StartMs / 1000).ToHashSet();
        var ends = session.Transcript.Select(l => (l.EndMs + 999) / 1000).ToHashSet();

        Assert.That(candidates, Is.Not.Empty);
        Assert.That(candidates.All(c => c.Length is >= 15 and <= 90), Is.True);
        Assert.That(candidates.All(c => starts.Contains(c.StartSecond) || timeline.Switches[c.StartSecond]), Is.True);
        Assert.That(candidates.All(c => ends.Contains(c.EndSecond) || timeline.Switches[c.EndSecond]), Is.True);
    }

    [Test]
    public void Features_see_the_planted_moments_product_talk_price_talk_and_order_spike()
    {
        var labelled = SessionGenerator.Generate(21, 900);
        var timeline = new SignalTimeline(labelled.Signals);
        var hot = labelled.Moments.First(m => m.Kind == ClipKind.HotItem);
        var explanation = labelled.Moments.First(m => m.Kind == ClipKind.ProductExplanation);
        var hotRow = FeatureExtractor.Row(timeline, new Candidate(hot.StartSecond, hot.EndSecond, hot.ProductId), ClipKind.HotItem, VisualFeatures.None);
        var explainRow = FeatureExtractor.Row(timeline, new Candidate(explanation.StartSecond, explanation.EndSecond, explanation.ProductId),
            ClipKind.ProductExplanation, VisualFeatures.None);

        Assert.That(hotRow[FeatureIndex("order_spike_coverage")], Is.GreaterThan(0.5));
        Assert.That(hotRow[FeatureIndex("price_density")], Is.GreaterThan(explainRow[FeatureIndex("price_density")]));
        Assert.That(explainRow[FeatureIndex("selling_point_density")], Is.GreaterThan(hotRow[FeatureIndex("selling_point_density")]));
        Assert.That(explainRow[FeatureIndex("kind_product_explanation")], Is.EqualTo(1));
    }

    [Test]
    public void Suppression_keeps_the_best_of_overlapping_segments_and_selection_never_overlaps_across_kinds()
    {
        ScoredSegment S(int a, int b, ClipKind k, double score) => new(new Candidate(a, b, null), k, score);
        var kept = SegmentRanker.Suppress([S(0, 30, ClipKind.HotItem, 0.9), S(2, 31, ClipKind.HotItem, 0.8), S(100, 130, ClipKind.HotItem, 0.5)], 0.3);
        Assert.That(kept.Select(k => k.Score), Is.EqualTo(new[] { 0.9, 0.5 }));

        var ranked = new Dictionary<ClipKind, IReadOnlyList<ScoredSegment>>
        {
            [ClipKind.ProductExplanation] = [S(0, 40, ClipKind.ProductExplanation, 0.9), S(200, 240, ClipKind.ProductExplanation, 0.7)],
            [ClipKind.HotItem] = [S(20, 45, ClipKind.HotItem, 0.95), S(60, 80, ClipKind.HotItem, 0.6)],
            [ClipKind.TrafficDriver] = [S(300, 320, ClipKind.TrafficDriver, 0.1)],
        };
        var chosen = SegmentRanker.Select(ranked, 5, minScore: 0.2);

        Assert.That(chosen.Select(c => (c.Candidate.StartSecond, c.Kind)),
            Is.EqualTo(new[] { (0, ClipKind.ProductExplanation), (60, ClipKind.HotItem), (200, ClipKind.ProductExplanation) }));
    }

    [Test]
    public void Copy_names_the_product_and_stays_within_its_limits()
    {
        var labelled = SessionGenerator.Generate(3, 600);
        var m = labelled.Moments.First(x => x.Kind == ClipKind.ProductExplanation);
        var segment = new ScoredSegment(new Candidate(m.StartSecond, m.EndSecond, m.ProductId), m.Kind, 0.9);
        var product = labelled.Signals.Products.First(p => p.ProductId == m.ProductId);

        var title = ClipCopywriter.Title(segment, labelled.Signals);
        var description = ClipCopywriter.Description(segment, labelled.Signals);
        var cover = ClipCopywriter.CoverSecond(segment, new SignalTimeline(labelled.Signals));

        Assert.That(title, Does.StartWith(product.Title));
        Assert.That(title.Length, Is.LessThanOrEqualTo(ClipCopywriter.MaxTitle));
        Assert.That(description.Length, Is.InRange(1, ClipCopywriter.MaxDescription));
        Assert.That(cover, Is.InRange(m.StartSecond, m.EndSecond - 1));
    }

    [Test]
    public void Generator_is_deterministic_from_its_seed()
    {
        Assert.That(EvaluationFile.Serialize(SessionGenerator.Generate(77, 600)), Is.EqualTo(EvaluationFile.Serialize(SessionGenerator.Generate(77, 600))));
        Assert.That(EvaluationFile.Serialize(SessionGenerator.Generate(78, 600)), Is.Not.EqualTo(EvaluationFile.Serialize(SessionGenerator.Generate(77, 600))));
    }

    private static int FeatureIndex(string name) => FeatureExtractor.Names.ToList().IndexOf(name);
}
