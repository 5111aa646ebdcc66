namespace Commerce.Clip;

/// <summary>Configuration section "Clip".</summary>
public sealed class ClipOptions
{
    public const string SectionName = "Clip";

    /// <summary>Root folder of the blob store (filesystem); relative to the data folder when not rooted.</summary>
    public string BlobRoot { get; set; } = "blobs";

    /// <summary>Longest wait for one InferenceHost call (a chunk of clip_scorer rows, a batch of frames).</summary>
    public int InferenceDeadlineMs { get; set; } = 30_000;

    /// <summary>How often the worker looks for due jobs when nothing woke it.</summary>
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>Longest wait between two attempts of a job whose scorer is unavailable.</summary>
    public int MaxRetryDelayMs { get; set; } = 60_000;

    /// <summary>Segments scoring below this are not worth a clip.</summary>
    public double MinScore { get; set; } = 0.2;

    /// <summary>A transcript may run this much past the end of the video (ASR end times are approximate).</summary>
    public double TranscriptToleranceSeconds { get; set; } = 2;

    /// <summary>Longest session accepted (4 hours, as the proto states).</summary>
    public int MaxSessionSeconds { get; set; } = 14_400;
}
