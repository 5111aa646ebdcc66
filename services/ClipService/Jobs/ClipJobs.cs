using Commerce.Clip.Domain;
using Commerce.Clip.Storage;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.Clip.Jobs;

/// <summary>Creates jobs: from SubmitSession and from LiveSessionEnded. One job per merchant and session.</summary>
public sealed class ClipJobs(ClipStore store, JobSignal signal, TimeProvider clock)
{
    public sealed record Submission(string SessionId, string VideoUri, bool IsHls, IReadOnlyList<EngagementSecond> Engagement,
        IReadOnlyList<string> ProductIds, int ClipCount, bool Reprocess);

    public ClipJob Submit(string merchantId, Submission submission)
    {
        var settings = store.GetSettings(merchantId);
        if (!settings.Enabled)
        {
            throw new PreconditionFailedException($"auto-clipping is off for merchant {merchantId}: turn it on with SetAutoClipping first");
        }

        var session = store.GetSession(submission.SessionId);
        // A session announced for another merchant: the job is recorded as FAILED with the reason, nothing is cut.
        var reject = session is not null && session.MerchantId != merchantId
            ? $"session {submission.SessionId} is not a session of merchant {merchantId}"
            : null;
        var now = clock.GetUtcNow();
        var request = new JobRequest(submission.VideoUri, submission.IsHls, submission.Engagement, submission.ProductIds,
            submission.ClipCount > 0 ? submission.ClipCount : settings.ClipsPerSession, settings.Kinds, settings.CutMode, reject);
        var job = new ClipJob("job-" + Guid.NewGuid().ToString("N")[..16], submission.SessionId, merchantId,
            reject is null ? JobState.Queued : JobState.Failed, reject is null ? 0 : 1, reject, [], now, now, request, 0, now);

        var existing = store.GetJob(store.JobIdOf(merchantId, submission.SessionId) ?? "");
        if (existing is { State: JobState.Scoring or JobState.Cutting } && submission.Reprocess)
        {
            throw new PreconditionFailedException($"job {existing.JobId} is still running; reprocess the session after it ends");
        }

        var (stored, created) = store.CreateJob(job, replaceExisting: submission.Reprocess);
        if (created && stored.State == JobState.Queued) signal.Notify();
        return stored;
    }
}
