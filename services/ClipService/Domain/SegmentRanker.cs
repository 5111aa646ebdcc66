namespace Commerce.Clip.Domain;

/// <summary>Scores every candidate for every kind, then keeps the best non-overlapping ones.</summary>
public sealed class SegmentRanker(IClipScorer scorer)
{
    /// <summary>Two segments of one kind overlapping more than this are the same moment: only the better survives.</summary>
    public const double SameMomentIoU = 0.3;

    /// <summary>Segments kept per kind: enough for any clip count (at most 30) and for ranking metrics.</summary>
    public const int KeepPerKind = 50;

    public async Task<IReadOnlyDictionary<ClipKind, IReadOnlyList<ScoredSegment>>> RankAsync(
        SignalTimeline timeline, IReadOnlyList<Candidate> candidates, IReadOnlyCollection<ClipKind> kinds,
        VisualFeatures visual, CancellationToken cancellationToken)
    {
        var result = new Dictionary<ClipKind, IReadOnlyList<ScoredSegment>>();
        if (candidates.Count == 0)
        {
            foreach (var k in kinds) result[k] = [];
            return result;
        }

        var width = FeatureExtractor.Count;
        var shared = new float[candidates.Count * width];
        for (var i = 0; i < candidates.Count; i++) FeatureExtractor.Fill(timeline, candidates[i], visual, shared.AsSpan(i * width, width));

        foreach (var kind in kinds)
        {
            var rows = new float[candidates.Count][];
            for (var i = 0; i < candidates.Count; i++)
            {
                var row = shared.AsSpan(i * width, width).ToArray();
                row[23 + (int)kind] = 1;
                rows[i] = row;
            }

            var scores = await scorer.ScoreAsync(rows, cancellationToken);
            var scored = candidates.Select((c, i) => new ScoredSegment(c, kind, Math.Clamp(scores[i], 0, 1))).ToList();
            result[kind] = Suppress(scored, SameMomentIoU, KeepPerKind);
        }

        return result;
    }

    /// <summary>Greedy non-maximum suppression in time: best first, drop what overlaps a kept segment too much.</summary>
    public static IReadOnlyList<ScoredSegment> Suppress(IEnumerable<ScoredSegment> segments, double maxIoU, int keep = int.MaxValue)
    {
        var kept = new List<ScoredSegment>();
        foreach (var s in segments.OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.StartSecond))
        {
            if (kept.Count >= keep) break;
            if (kept.All(k => k.Span.IoU(s.Span) <= maxIoU)) kept.Add(s);
        }

        return kept;
    }

    /// <summary>
    /// The session's clips: up to <paramref name="count"/>, taken round-robin over the kinds (each kind's best first) so
    /// one kind cannot crowd out the others, never overlapping one another, and only above <paramref name="minScore"/>.
    /// </summary>
    public static IReadOnlyList<ScoredSegment> Select(IReadOnlyDictionary<ClipKind, IReadOnlyList<ScoredSegment>> ranked,
        int count, double minScore = 0.2)
    {
        var chosen = new List<ScoredSegment>();
        var cursors = ranked.Keys.ToDictionary(k => k, _ => 0);
        var progressed = true;
        while (chosen.Count < count && progressed)
        {
            progressed = false;
            foreach (var kind in ranked.Keys.OrderBy(k => k))
            {
                if (chosen.Count >= count) break;
                var list = ranked[kind];
                while (cursors[kind] < list.Count)
                {
                    var next = list[cursors[kind]++];
                    if (next.Score < minScore) { cursors[kind] = list.Count; break; }
                    if (chosen.Any(c => c.Span.Overlap(next.Span) > 0)) continue;
                    chosen.Add(next);
                    progressed = true;
                    break;
                }
            }
        }

        return chosen.OrderBy(c => c.Candidate.StartSecond).ToList();
    }
}
