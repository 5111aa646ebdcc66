namespace Commerce.Clip.Domain;

/// <summary>A candidate segment: starts on a sentence start, ends on a sentence end (or a product switch), 15-90 s.</summary>
public sealed record Candidate(int StartSecond, int EndSecond, string? MainProductId)
{
    public Span Span => new(StartSecond, EndSecond);
    public int Length => EndSecond - StartSecond;
}
