namespace Commerce.Clip.Domain;

public enum JobState
{
    Queued = 1,
    Scoring = 2,
    Cutting = 3,
    Succeeded = 4,
    Failed = 5,
}
