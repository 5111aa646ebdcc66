namespace Commerce.Clip.Domain;

/// <summary>A clipping job of one session. Attempts and NextAttemptAt let a job wait for InferenceHost and resume.</summary>
public sealed record ClipJob(string JobId, string SessionId, string MerchantId, JobState State, double Progress, string? FailureReason,
    IReadOnlyList<string> ClipIds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JobRequest Request, int Attempts,
    DateTimeOffset NextAttemptAt);
