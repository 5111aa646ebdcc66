using System.Net;
using System.Net.Sockets;
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
    public void With_InferenceHost_down_the_scorer_is_unavailable_not_failed()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{UnusedPort()}");
        var scorer = new InferenceClipScorer(new InferenceClient.InferenceClient(new GRPCInferenceService.GRPCInferenceServiceClient(channel)));

        var ex = Assert.ThrowsAsync<ScorerUnavailableException>(() => scorer.ScoreAsync([new float[FeatureExtractor.Count]], CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("clip_scorer").And.Contain("Unavailable"));
    }

    [Test]
    public async Task With_InferenceHost_down_a_job_goes_back_to_the_queue_with_the_reason()
    {
        var (session, video) = await Fixtures.SessionWithVideoAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{UnusedPort()}");
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

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
