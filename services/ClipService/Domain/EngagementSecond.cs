namespace Commerce.Clip.Domain;

/// <summary>Engagement of one second of a session.</summary>
public sealed record EngagementSecond(int Offset, int Viewers, int Comments, int Likes, int Orders,
    string? ProductOnShelfId = null, string? ProductExplainedId = null);
