namespace Commerce.Clip.Domain;

/// <summary>
/// Candidate segments that a viewer can watch on their own: they start where a sentence starts and end where one ends
/// (never mid-word), or at a product switch, and last 15-90 seconds.
/// </summary>
public static class CandidateGenerator
{
    public const int MinSeconds = 15;
    public const int MaxSeconds = 90;

    public static IReadOnlyList<Candidate> Generate(SessionSignals session, SignalTimeline timeline)
    {
        var starts = new SortedSet<int>();
        var ends = new SortedSet<int>();
        foreach (var line in session.Transcript)
        {
            var s = line.StartMs / 1000;
            var e = (line.EndMs + 999) / 1000;
            if (s >= 0 && s < timeline.Duration) starts.Add(s);
            if (e > 0 && e <= timeline.Duration) ends.Add(e);
        }

        for (var t = 0; t < timeline.Switches.Length; t++)
        {
            if (!timeline.Switches[t]) continue;
            if (t < timeline.Duration) starts.Add(t);
            if (t > 0) ends.Add(t);
        }

        var endArray = ends.ToArray();
        var candidates = new List<Candidate>();
        foreach (var s in starts)
        {
            var i = Array.BinarySearch(endArray, s + MinSeconds);
            if (i < 0) i = ~i;
            for (; i < endArray.Length && endArray[i] - s <= MaxSeconds; i++)
            {
                candidates.Add(new Candidate(s, endArray[i], timeline.MainProduct(s, endArray[i])));
            }
        }

        return candidates;
    }
}
