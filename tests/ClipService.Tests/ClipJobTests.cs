using Commerce.Clip.Domain;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Clip.V1;
using Commerce.TestSupport;
using FFMpegCore;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CutMode = Commerce.Protos.Clip.V1.CutMode;

namespace Commerce.Clip.Tests;

/// <summary>A real session video through the running service: score, cut with ffmpeg, publish; reprocess; failures.</summary>
public sealed class ClipJobTests
{
    [Test]
    public async Task A_session_becomes_clips_cut_from_the_real_video_published_once_and_reprocessing_replaces_them()
    {
        var (session, video) = await Fixtures.SessionWithVideoAsync();
        await using var host = Fixtures.Host();
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        await Fixtures.EnableAsync(client, clips: 3);
        await Fixtures.FeedAsync(host, session.Signals, "s1", "m1");
        var uri = Fixtures.PutVideo(host, video, "s1.mp4");

        var submitted = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s1", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session.Signals),
        });
        var job = await Fixtures.WaitForEndAsync(client, submitted.Job.JobId);

        Assert.That(job.State, Is.EqualTo(ClipJobState.Succeeded), job.FailureReason);
        var clips = (await client.ListClipsAsync(new ListClipsRequest { SessionId = "s1" })).Clips;
        Assert.That(clips.Select(c => c.ClipId), Is.EquivalentTo(job.ClipIds));
        Assert.That(clips, Has.Count.InRange(2, 3));
        Assert.That(clips.Select(c => c.Kind).Distinct().Count(), Is.GreaterThanOrEqualTo(2), "more than one kind");
        foreach (var clip in clips)
        {
            var length = (clip.EndOffset.ToTimeSpan() - clip.StartOffset.ToTimeSpan()).TotalSeconds;
            Assert.That(length, Is.InRange(15, 90));
            Assert.That(clip.StartError.ToTimeSpan().TotalSeconds, Is.InRange(0, 4.0), "at most one keyframe interval (4 s)");
            Assert.That(clip.Title, Is.Not.Empty.And.Length.LessThanOrEqualTo(60));
            var file = Path.Combine(Fixtures.BlobRoot(host), clip.VideoUri["blob://".Length..]);
            var probed = await FFProbe.AnalyseAsync(file);
            Assert.That(probed.Duration.TotalSeconds, Is.EqualTo(length + clip.StartError.ToTimeSpan().TotalSeconds).Within(0.6));
            Assert.That(probed.PrimaryAudioStream, Is.Not.Null);
            Assert.That(new FileInfo(Path.Combine(Fixtures.BlobRoot(host), clip.Cover.Uri["blob://".Length..])).Length, Is.GreaterThan(1000));
        }

        await Fixtures.Until(() => host.Harness.Published.Select<ClipPublished>().Count() == clips.Count, "ClipPublished of every clip");
        var explanation = clips.FirstOrDefault(c => c.Kind == Protos.Clip.V1.ClipKind.ProductExplanation);
        var planted = session.Moments.Where(m => m.Kind == Domain.ClipKind.ProductExplanation).Select(m => m.Span).ToList();
        Assert.That(explanation, Is.Not.Null);
        Assert.That(planted.Max(p => p.IoU(new Span(explanation!.StartOffset.Seconds, explanation.EndOffset.Seconds))), Is.GreaterThanOrEqualTo(0.6));

        // Reprocess frame-accurately: the same moments, replaced not duplicated, starting exactly where asked.
        await Fixtures.EnableAsync(client, clips: 3, CutMode.FrameAccurate);
        var again = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s1", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session.Signals), Reprocess = true,
        });
        Assert.That(again.Job.JobId, Is.EqualTo(job.JobId));
        var redone = await Fixtures.WaitForEndAsync(client, job.JobId);
        Assert.That(redone.State, Is.EqualTo(ClipJobState.Succeeded), redone.FailureReason);
        var after = (await client.ListClipsAsync(new ListClipsRequest { SessionId = "s1" })).Clips;
        Assert.That(after.Select(c => c.ClipId), Is.EquivalentTo(clips.Select(c => c.ClipId)), "no duplicate clips");
        Assert.That(after.All(c => c.CutMode == CutMode.FrameAccurate && c.StartError.ToTimeSpan() == TimeSpan.Zero), Is.True);

        // Submitting again without reprocess returns the existing job and publishes nothing more.
        var same = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s1", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session.Signals),
        });
        Assert.That(same.Job.JobId, Is.EqualTo(job.JobId));
        Assert.That(same.Job.State, Is.EqualTo(ClipJobState.Succeeded));
    }

    [Test]
    public async Task An_unreachable_scorer_keeps_the_job_waiting_and_it_resumes_when_the_scorer_is_back()
    {
        var (session, video) = await Fixtures.SessionWithVideoAsync();
        var flaky = new FlakyScorer(failures: 3);
        await using var host = Fixtures.Host(s =>
        {
            s.RemoveAll<IClipScorer>();
            s.AddSingleton<IClipScorer>(sp => flaky.Wrap(ActivatorUtilities.CreateInstance<Inference.InferenceClipScorer>(sp)));
        });
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        await Fixtures.EnableAsync(client, clips: 1);
        await Fixtures.FeedAsync(host, session.Signals, "s2", "m1");
        var uri = Fixtures.PutVideo(host, video, "s2.mp4");

        var submitted = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s2", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session.Signals),
        });
        await Fixtures.Until(() => flaky.Calls >= 2, "the job to try the scorer twice");
        var waiting = (await client.GetClipJobAsync(new GetClipJobRequest { JobId = submitted.Job.JobId })).Job;
        var done = await Fixtures.WaitForEndAsync(client, submitted.Job.JobId);

        Assert.That(waiting.State, Is.Not.EqualTo(ClipJobState.Failed));
        Assert.That(done.State, Is.EqualTo(ClipJobState.Succeeded), done.FailureReason);
        Assert.That(flaky.Calls, Is.GreaterThan(3));
    }

    [Test]
    public async Task A_corrupt_video_fails_the_job_with_the_reason_publishes_nothing_and_the_service_keeps_serving()
    {
        var (session, _) = await Fixtures.SessionWithVideoAsync();
        await using var host = Fixtures.Host();
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        await Fixtures.EnableAsync(client);
        await Fixtures.FeedAsync(host, session.Signals, "s3", "m1");
        var corrupt = Path.Combine(host.DataDir, "corrupt.mp4");
        await File.WriteAllBytesAsync(corrupt, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var uri = Fixtures.PutVideo(host, corrupt, "s3.mp4");

        var corruptJob = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s3", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session.Signals),
        });
        var missingJob = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s3-missing", Video = new VideoSource { FileUri = "blob://sessions/nothing-here.mp4" }, EngagementSeries = new EngagementSeries(),
        });
        var failed = await Fixtures.WaitForEndAsync(client, corruptJob.Job.JobId);
        var missing = await Fixtures.WaitForEndAsync(client, missingJob.Job.JobId);

        Assert.That(failed.State, Is.EqualTo(ClipJobState.Failed));
        Assert.That(failed.FailureReason, Does.Contain("cannot be read"));
        Assert.That(failed.ClipIds, Is.Empty);
        Assert.That(missing.State, Is.EqualTo(ClipJobState.Failed));
        Assert.That(missing.FailureReason, Does.Contain("not found"));
        Assert.That(host.Harness.Published.Select<ClipPublished>().Any(), Is.False);
        Assert.That((await client.GetAutoClippingAsync(new GetAutoClippingRequest())).Settings.Enabled, Is.True, "still serving");
    }

    [Test]
    public async Task A_transcript_longer_than_the_video_fails_the_job_with_the_reason()
    {
        await using var host = Fixtures.Host();
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        await Fixtures.EnableAsync(client);
        var session = Training.SessionGenerator.Generate(9, 150, productCount: 2).Signals;
        await Fixtures.FeedAsync(host, session, "s4", "m1");
        var shortVideo = Path.Combine(host.DataDir, "short.mp4");
        await Training.SessionVideo.RenderBlankAsync(shortVideo, 20);
        var uri = Fixtures.PutVideo(host, shortVideo, "s4.mp4");

        var submitted = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s4", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session),
        });
        var job = await Fixtures.WaitForEndAsync(client, submitted.Job.JobId);

        Assert.That(job.State, Is.EqualTo(ClipJobState.Failed));
        Assert.That(job.FailureReason, Does.Contain("transcript runs to").And.Contain("video lasts"));
        Assert.That(host.Harness.Published.Select<ClipPublished>().Any(), Is.False);
    }

    [Test]
    public async Task A_session_of_another_merchant_ends_failed_and_its_owner_is_untouched()
    {
        await using var host = Fixtures.Host();
        var owner = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("owner")));
        var other = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("intruder")));
        await Fixtures.EnableAsync(other);
        await host.Harness.Bus.Publish(new LiveSessionEnded
        {
            SessionId = "s5", MerchantId = "owner", RoomId = "r", VideoUri = "blob://sessions/s5.mp4", DurationSeconds = 100,
        });
        await Fixtures.Until(() => host.Services.GetRequiredService<Storage.ClipStore>().GetSession("s5") is not null, "the session to be recorded");

        var submitted = await other.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "s5", Video = new VideoSource { FileUri = "blob://sessions/s5.mp4" }, EngagementSeries = new EngagementSeries(),
        });

        Assert.That(submitted.Job.State, Is.EqualTo(ClipJobState.Failed));
        Assert.That(submitted.Job.FailureReason, Does.Contain("not a session of merchant intruder"));
        var denied = Assert.ThrowsAsync<RpcException>(async () => await owner.GetClipJobAsync(new GetClipJobRequest { JobId = submitted.Job.JobId }));
        Assert.That(denied!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That((await owner.ListClipsAsync(new ListClipsRequest())).Clips, Is.Empty);
    }

    private sealed class FlakyScorer(int failures)
    {
        private int _calls;
        private readonly int _failures = failures;
        public int Calls => Volatile.Read(ref _calls);

        public IClipScorer Wrap(IClipScorer inner) => new Scorer(this, inner);

        private sealed class Scorer(FlakyScorer owner, IClipScorer inner) : IClipScorer
        {
            public Task<float[]> ScoreAsync(float[][] rows, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref owner._calls) <= owner._failures) throw new ScorerUnavailableException("InferenceHost unreachable (test)");
                return inner.ScoreAsync(rows, cancellationToken);
            }
        }
    }
}
