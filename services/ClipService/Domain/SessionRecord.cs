namespace Commerce.Clip.Domain;

/// <summary>A session as the live platform announced its end (LiveSessionEnded): whose it is and where its video is.</summary>
public sealed record SessionRecord(string SessionId, string MerchantId, string VideoUri, int DurationSeconds);
