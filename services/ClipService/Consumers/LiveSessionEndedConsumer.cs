using Commerce.Clip.Domain;
using Commerce.Clip.Jobs;
using Commerce.Clip.Media;
using Commerce.Clip.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Clip.Consumers;

/// <summary>
/// Records whose session it is and, when that merchant enabled auto-clipping, queues its job. The engagement series is
/// read from the JSON Lines file beside the video (<c>name.engagement.jsonl</c>) when the platform wrote one.
/// </summary>
public sealed class LiveSessionEndedConsumer(ClipStore store, ClipJobs jobs, BlobStore blobs, ILogger<LiveSessionEndedConsumer> logger)
    : IConsumer<LiveSessionEnded>
{
    public Task Consume(ConsumeContext<LiveSessionEnded> context)
    {
        var m = context.Message;
        var first = store.ApplyOnce(m.EventId, (c, tx) =>
            ClipStore.PutSession(c, tx, new SessionRecord(m.SessionId, m.MerchantId, m.VideoUri, m.DurationSeconds)));
        if (!first || !store.GetSettings(m.MerchantId).Enabled) return Task.CompletedTask;

        IReadOnlyList<EngagementSecond> engagement = [];
        try
        {
            var sidecar = Path.ChangeExtension(blobs.Resolve(m.VideoUri), ".engagement.jsonl");
            if (File.Exists(sidecar)) engagement = EngagementFile.Read(sidecar);
        }
        catch (Commerce.ServiceDefaults.Errors.InvalidInputException e)
        {
            logger.LogWarning("session {SessionId}: engagement not read ({Reason}); scoring without it", m.SessionId, e.Message);
        }

        var job = jobs.Submit(m.MerchantId, new ClipJobs.Submission(m.SessionId, m.VideoUri,
            m.VideoUri.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase), engagement, [], 0, Reprocess: false));
        logger.LogInformation("session {SessionId} ended: job {JobId} ({State})", m.SessionId, job.JobId, job.State);
        return Task.CompletedTask;
    }
}
