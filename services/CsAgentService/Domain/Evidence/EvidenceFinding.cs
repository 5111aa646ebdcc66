namespace Commerce.CsAgent.Domain.Evidence;

public enum EvidenceIssue
{
    ReusedImage,
    UnrelatedToProduct,
    BrokenFile,
    EditedImage,
}

public sealed record EvidenceFinding(int ImageIndex, EvidenceIssue Issue, string Detail, double Score, string? MatchedClaimId = null);

/// <summary>Accept, or a person looks: the agent never rejects a claim.</summary>
public sealed record EvidenceAssessment(bool NeedsPerson, IReadOnlyList<EvidenceFinding> Findings, IReadOnlyList<ulong?> Hashes);
