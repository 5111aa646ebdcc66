namespace Commerce.Clip.Domain;

/// <summary>A time span of a session in seconds, [Start, End).</summary>
public readonly record struct Span(double Start, double End)
{
    public double Length => End - Start;

    public double Overlap(Span other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));

    /// <summary>Temporal intersection over union, the measure moment retrieval uses.</summary>
    public double IoU(Span other)
    {
        var inter = Overlap(other);
        var union = Length + other.Length - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
