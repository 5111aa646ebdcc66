namespace Commerce.Clip.Media;

/// <summary>What probing a video found: its length and where its keyframes are (seconds, ascending).</summary>
public sealed record VideoInfo(double DurationSeconds, IReadOnlyList<double> Keyframes, int Width, int Height)
{
    /// <summary>The last keyframe at or before <paramref name="second"/>: where a stream copy really starts.</summary>
    public double KeyframeAtOrBefore(double second)
    {
        var best = 0.0;
        foreach (var k in Keyframes)
        {
            if (k > second + 1e-3) break;
            best = k;
        }

        return best;
    }
}
