using Commerce.Clip.Domain;
using Commerce.Clip.Inference;
using Commerce.Clip.Training;
using Commerce.Protos.Clip.V1;
using Commerce.Protos.Inference;
using Commerce.TestSupport;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Clip.Tests;

/// <summary>The production scorer: clip_scorer on InferenceHost agrees with the exported model run in-process, and a host that is down makes jobs wait.</summary>
public sealed class ClipScoringThroughInferenceHostTests
{
    private static string ModelPath => Path.Combine(RepoPaths.Artifacts, "model-repository", "clip_scorer", "1", "model.onnx");

    [Test]
    public async Task Scores_from_InferenceHost_equal_the_in_process_model_on_generated_rows()
    {
        // A 40-minute session gives more rows than one request carries, so the chunking is exercised too.
        var session = SessionGenerator.Generate(77, 2400, productCount: 4);
        var rows = TrainingRows.Of(session, new Random(1), keepNegatives: 1).Select(r => r.Features).ToArray();
        Assert.That(rows, Has.Length.GreaterThan(InferenceClipScorer.RowsPerRequest), "rows span more than one request");
        using var local = new OnnxClipScorer(ModelPath);

        var expected = await local.ScoreAsync(rows, CancellationToken.None);
        var served = await new InferenceClipScorer(new InferenceClient.InferenceClient(InferenceHostFixture.Client)).ScoreAsync(rows, CancellationToken.None);

        Assert.That(served, Has.Length.EqualTo(rows.Length));
        var worst = expected.Zip(served, (e, s) => Math.Abs(e - s)).Max();
        TestContext.Out.WriteLine($"{rows.Length} rows, largest difference {worst:E2}, score range {expected.Min():F3}..{expected.Max():F3}");
        Assert.That(worst, Is.LessThanOrEqualTo(1e-5));
        Assert.That(expected.Distinct().Count(), Is.GreaterThan(100), "the rows are not all scored alike (a constant would agree trivially)");
    }

    [Test]
    public async Task Scoring_a_two_hour_session_through_InferenceHost_is_reported()
    {
        // The benchmark times the in-process model; this is the production path (no timed assertion: a shared machine).
        var session = SessionGenerator.Generate(777, 7200, productCount: 10).Signals;
        var scorer = new InferenceClipScorer(new InferenceClient.InferenceClient(InferenceHostFixture.Client));
        var times = new List<double>();
        var candidateCount = 0;
        IReadOnlyList<ScoredSegment> selected = [];
        for (var i = 0; i < 3; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var timeline = new SignalTimeline(session);
            var candidates = CandidateGenerator.Generate(session, timeline);
            var ranked = await new SegmentRanker(scorer).RankAsync(timeline, candidates, ClipKinds.All, VisualFeatures.None, CancellationToken.None);
            selected = SegmentRanker.Select(ranked, 6);
            candidateCount = candidates.Count;
            times.Add(watch.Elapsed.TotalSeconds);
        }

        TestContext.Out.WriteLine($"2-hour session, {candidateCount} candidates x 3 kinds through InferenceHost: " +
                                  $"{string.Join(", ", times.Select(t => $"{t:F2} s"))} (first includes warm-up)");
        Assert.That(selected, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task The_visual_columns_do_not_move_clip_scorer_because_training_kept_them_at_0()
    {
        // Why FrameEmbedderVisualSource is not wired in production yet: a tree cannot split on a column that was
        // constant in training, so real visual signals would cost frame embedding and change no score.
        var session = SessionGenerator.Generate(78, 600);
        var rows = TrainingRows.Of(session, new Random(2), keepNegatives: 1).Select(r => r.Features).ToArray();
        var onScreen = FeatureExtractor.Names.ToList().IndexOf("product_on_screen");
        var stability = FeatureExtractor.Names.ToList().IndexOf("scene_stability");
        var random = new Random(3);
        var withVisual = rows.Select(r =>
        {
            var copy = (float[])r.Clone();
            copy[onScreen] = (float)random.NextDouble();
            copy[stability] = (float)random.NextDouble();
            return copy;
        }).ToArray();
        var scorer = new InferenceClipScorer(new InferenceClient.InferenceClient(InferenceHostFixture.Client));

        var without = await scorer.ScoreAsync(rows, CancellationToken.None);
        var with = await scorer.ScoreAsync(withVisual, CancellationToken.None);

        Assert.That(with, Is.EqualTo(without));
    }

    [Test]
    public void With_InferenceHost_down_the_scorer_is_unavailable_not_failed()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{FreePorts.Next()}");
        var scorer = new InferenceClipScorer(new InferenceClient.InferenceClient(new GRPCInferenceService.GRPCInferenceServiceClient(channel)));

        var ex = Assert.ThrowsAsync<ScorerUnavailableException>(() => scorer.ScoreAsync([new float[FeatureExtractor.Count]], CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("clip_scorer").And.Contain("Unavailable"));
    }

    [Test]
    public async Task With_InferenceHost_down_a_job_goes_back_to_the_queue_with_the_reason()
    {
        var (session, video) = await Fixtures.SessionWithVideoAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{FreePorts.Next()}");
        await using var host = Fixtures.Host(s =>
            s.AddSingleton(new InferenceClient.InferenceClient(new GRPCInferenceService.GRPCInferenceServiceClient(channel))));
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        await Fixtures.EnableAsync(client, clips: 1);
        await Fixtures.FeedAsync(host, session.Signals, "down-1", "m1");
        var uri = Fixtures.PutVideo(host, video, "down-1.mp4");

        var submitted = await client.SubmitSessionAsync(new SubmitSessionRequest
        {
            SessionId = "down-1", Video = new VideoSource { FileUri = uri }, EngagementSeries = Fixtures.Engagement(session.Signals),
        });
        Protos.Clip.V1.ClipJob? job = null;
        await Fixtures.Until(async () =>
        {
            job = (await client.GetClipJobAsync(new GetClipJobRequest { JobId = submitted.Job.JobId })).Job;
            return job.FailureReason.Contains("waiting for the scorer", StringComparison.Ordinal) || job.State == ClipJobState.Failed;
        }, "the job to meet the unreachable scorer");

        Assert.That(job!.State, Is.EqualTo(ClipJobState.Queued), job.FailureReason);
        Assert.That(job.FailureReason, Does.Contain("InferenceHost").And.Contain("clip_scorer"));
        Assert.That((await client.ListClipsAsync(new ListClipsRequest { SessionId = "down-1" })).Clips, Is.Empty);
    }

}
