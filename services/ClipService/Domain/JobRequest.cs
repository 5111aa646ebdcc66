namespace Commerce.Clip.Domain;

/// <summary>What a job was asked to do, kept with the job so a retry after a restart has everything.</summary>
public sealed record JobRequest(string VideoUri, bool IsHls, IReadOnlyList<EngagementSecond> Engagement,
    IReadOnlyList<string> ProductIds, int ClipCount, IReadOnlyList<ClipKind> Kinds, CutMode CutMode, string? RejectReason = null);
