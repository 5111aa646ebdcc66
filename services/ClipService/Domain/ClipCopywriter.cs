namespace Commerce.Clip.Domain;

/// <summary>Title, description and cover moment of a clip, from its product and what the host said in it.</summary>
public static class ClipCopywriter
{
    public const int MaxTitle = 60;
    public const int MaxDescription = 500;

    public static string Title(ScoredSegment segment, SessionSignals session)
    {
        var product = session.Products.FirstOrDefault(p => p.ProductId == segment.Candidate.MainProductId);
        var lines = LinesOf(segment, session);
        var name = product?.Title ?? "Live highlight";
        var title = segment.Kind switch
        {
            ClipKind.ProductExplanation => product?.SellingPoints.FirstOrDefault() is { } point ? $"{name}: {point}" : name,
            ClipKind.HotItem => PriceLine(lines) is { } deal ? $"{name}: {deal}" : $"{name}, selling fast",
            _ => lines.OrderByDescending(l => TextCues.Hooks(TextCues.Words(l.Text))).Select(l => l.Text).FirstOrDefault() ?? name,
        };
        return Shorten(title, MaxTitle);
    }

    public static string Description(ScoredSegment segment, SessionSignals session)
    {
        var text = string.Join(" ", LinesOf(segment, session).Select(l => l.Text.Trim()));
        return Shorten(text.Length == 0 ? "A moment from the live session." : text, MaxDescription);
    }

    /// <summary>The second that best shows the kind: the order peak of a hot item, the social peak of a traffic driver,
    /// the densest product talk of an explanation.</summary>
    public static int CoverSecond(ScoredSegment segment, SignalTimeline timeline)
    {
        int s = segment.Candidate.StartSecond, e = Math.Min(segment.Candidate.EndSecond, timeline.Duration);
        var p = timeline.ProductIndex(segment.Candidate.MainProductId);
        var best = s + (e - s) / 2;
        var bestValue = double.NegativeInfinity;
        for (var t = s; t < e; t++)
        {
            var v = segment.Kind switch
            {
                ClipKind.HotItem => timeline.OrderZ[t],
                ClipKind.TrafficDriver => timeline.SocialZ[t],
                _ => p < 0 ? 0 : timeline.MentionSeries[p][t] + timeline.PointSeries[p][t],
            };
            if (v > bestValue) { bestValue = v; best = t; }
        }

        return best;
    }

    private static List<TranscriptLine> LinesOf(ScoredSegment segment, SessionSignals session) =>
        session.Transcript.Where(l => l.StartMs >= segment.Candidate.StartSecond * 1000 && l.EndMs <= segment.Candidate.EndSecond * 1000 + 999).ToList();

    private static string? PriceLine(IEnumerable<TranscriptLine> lines) =>
        lines.Select(l => (l.Text, Score: TextCues.PriceTalk(TextCues.Words(l.Text)))).Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).Select(x => x.Text.TrimEnd('.', '!')).FirstOrDefault();

    private static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ' ', ':') + "…";
    }
}
