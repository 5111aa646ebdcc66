using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commerce.Clip.Domain;
using Commerce.Clip.Media;
using Commerce.Clip.Storage;
using Commerce.IntegrationEvents.V1;
using Commerce.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Commerce.Clip.Jobs;

/// <summary>
/// Runs one job: probe the video, check the transcript against it, score, select, cut every clip, and only when all
/// succeeded store the clips and their ClipPublished messages in one transaction. Bad input fails the job with its
/// reason; an unreachable scorer puts the job back in the queue for later.
/// </summary>
public sealed class ClipJobProcessor(ClipStore store, BlobStore blobs, IClipScorer scorer, IVisualFeatureSource visual,
    IOptions<ClipOptions> options, TimeProvider clock, ILogger<ClipJobProcessor> logger)
{
    private readonly ClipOptions _options = options.Value;

    public async Task ProcessAsync(ClipJob job, CancellationToken cancellationToken)
    {
        string? workDir = null;
        try
        {
            job = Save(job with { State = JobState.Scoring, Progress = 0.05, FailureReason = null });
            var request = job.Request;
            var videoPath = blobs.Resolve(request.VideoUri);
            var video = await VideoProbe.ProbeAsync(videoPath, cancellationToken);
            if (video.DurationSeconds > _options.MaxSessionSeconds)
            {
                throw new InvalidInputException($"the video lasts {video.DurationSeconds:F0} s, over the {_options.MaxSessionSeconds} s limit");
            }

            var transcript = store.GetTranscript(job.SessionId);
            if (transcript.Count == 0) throw new InvalidInputException($"no transcript segments were received for session {job.SessionId}");
            var transcriptEnd = transcript.Max(l => l.EndMs) / 1000.0;
            if (transcriptEnd > video.DurationSeconds + _options.TranscriptToleranceSeconds)
            {
                throw new InvalidInputException(
                    $"the transcript runs to {transcriptEnd:F1} s but the video lasts {video.DurationSeconds:F1} s: they are not of the same session");
            }

            var signals = new SessionSignals(job.SessionId, (int)Math.Floor(video.DurationSeconds), transcript, request.Engagement, Products(job));
            var timeline = new SignalTimeline(signals);
            var candidates = CandidateGenerator.Generate(signals, timeline);
            var visualFeatures = await visual.ExtractAsync(videoPath, signals.Products, signals.DurationSeconds, cancellationToken);
            var ranked = await new SegmentRanker(scorer).RankAsync(timeline, candidates, request.Kinds, visualFeatures, cancellationToken);
            var selected = SegmentRanker.Select(ranked, request.ClipCount, _options.MinScore);
            if (selected.Count == 0) throw new InvalidInputException("no segment of the session scored high enough for a clip");

            job = Save(job with { State = JobState.Cutting, Progress = 0.3 });
            workDir = Path.Combine(blobs.Root, "clips", Safe(job.MerchantId), Safe(job.SessionId), $"{job.JobId}-{job.Attempts}");
            Directory.CreateDirectory(workDir);
            var now = clock.GetUtcNow();
            var clips = new List<PublishedClip>();
            for (var i = 0; i < selected.Count; i++)
            {
                var segment = selected[i];
                var clipId = ClipId(job, segment);
                var videoOut = Path.Combine(workDir, clipId + ".mp4");
                var coverOut = Path.Combine(workDir, clipId + ".jpg");
                var cut = await ClipCutter.CutAsync(videoPath, video, segment.Candidate.StartSecond, segment.Candidate.EndSecond,
                    request.CutMode, videoOut, cancellationToken);
                var cover = ClipCopywriter.CoverSecond(segment, timeline);
                await ClipCutter.ThumbnailAsync(videoPath, cover, coverOut, cancellationToken);
                clips.Add(new PublishedClip(clipId, job.JobId, job.SessionId, job.MerchantId, segment.Kind,
                    segment.Candidate.MainProductId is { } p ? [p] : [],
                    ClipCopywriter.Title(segment, signals), ClipCopywriter.Description(segment, signals),
                    segment.Candidate.StartSecond, segment.Candidate.EndSecond, segment.Score,
                    blobs.ToUri(videoOut), blobs.ToUri(coverOut), cover, cut.StartErrorSeconds, request.CutMode, now));
                job = Save(job with { Progress = 0.3 + 0.65 * (i + 1) / selected.Count });
            }

            var done = job with
            {
                State = JobState.Succeeded, Progress = 1, ClipIds = clips.Select(c => c.ClipId).ToList(), UpdatedAt = clock.GetUtcNow(),
            };
            store.CompleteJob(done, clips, clips.Select(c => JsonSerializer.Serialize(ToEvent(c, signals))).ToList());
            logger.LogInformation("job {JobId} of session {SessionId}: {Count} clips published", job.JobId, job.SessionId, clips.Count);
        }
        catch (ScorerUnavailableException e)
        {
            Cleanup(workDir);
            var delay = TimeSpan.FromMilliseconds(Math.Min(_options.MaxRetryDelayMs, 500 * Math.Pow(2, Math.Min(job.Attempts, 16))));
            logger.LogWarning("job {JobId}: scorer unavailable ({Reason}); retrying in {Delay}", job.JobId, e.Message, delay);
            Save(job with
            {
                State = JobState.Queued, Progress = 0, Attempts = job.Attempts + 1, NextAttemptAt = clock.GetUtcNow() + delay,
                FailureReason = "waiting for the scorer: " + e.Message,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Cleanup(workDir);
            throw; // shutting down: the job is requeued at the next start
        }
        catch (Exception e)
        {
            Cleanup(workDir);
            var reason = e is InvalidInputException ? e.Message : $"processing failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}";
            logger.LogWarning("job {JobId} of session {SessionId} failed: {Reason}", job.JobId, job.SessionId, reason);
            Save(job with { State = JobState.Failed, FailureReason = reason });
        }
    }

    private IReadOnlyList<ProductInfo> Products(ClipJob job)
    {
        var known = store.GetProducts(job.SessionId).ToDictionary(p => p.ProductId, StringComparer.Ordinal);
        if (job.Request.ProductIds.Count == 0) return known.Values.ToList();
        return job.Request.ProductIds.Select(id => known.GetValueOrDefault(id) ?? new ProductInfo(id, id, [])).ToList();
    }

    private ClipJob Save(ClipJob job)
    {
        job = job with { UpdatedAt = clock.GetUtcNow() };
        store.UpdateJob(job);
        return job;
    }

    private static ClipPublished ToEvent(PublishedClip c, SessionSignals signals) => new()
    {
        ClipId = c.ClipId,
        SessionId = c.SessionId,
        MerchantId = c.MerchantId,
        Kind = c.Kind.EventName(),
        Title = c.Title,
        VideoUri = c.VideoUri,
        DurationSeconds = c.EndSeconds - c.StartSeconds + c.StartErrorSeconds,
        ProductId = c.ProductIds.FirstOrDefault(),
    };

    /// <summary>Same session, kind and span give the same id: reprocessing replaces a clip rather than adding one.</summary>
    private static string ClipId(ClipJob job, ScoredSegment s)
    {
        var key = $"{job.MerchantId}|{job.SessionId}|{s.Kind}|{s.Candidate.StartSecond}|{s.Candidate.EndSecond}";
        return "clip-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
    }

    private static string Safe(string id) => string.Concat(id.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));

    private static void Cleanup(string? dir)
    {
        if (dir is null) return;
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { /* best effort: an unpublished folder is never referenced */ }
    }
}
