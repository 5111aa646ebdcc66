namespace Commerce.Clip.Domain;

/// <summary>A clip cut from a session and published on the merchant's page.</summary>
public sealed record PublishedClip(string ClipId, string JobId, string SessionId, string MerchantId, ClipKind Kind,
    IReadOnlyList<string> ProductIds, string Title, string Description, double StartSeconds, double EndSeconds, double Score,
    string VideoUri, string CoverUri, double CoverSeconds, double StartErrorSeconds, CutMode CutMode, DateTimeOffset PublishedAt);
