namespace Commerce.Clip.Domain;

/// <summary>A candidate with its clip_scorer score for one kind.</summary>
public sealed record ScoredSegment(Candidate Candidate, ClipKind Kind, double Score)
{
    public Span Span => Candidate.Span;
}
