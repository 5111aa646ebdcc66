using SessionSignals = Commerce.Clip.Domain.SessionSignals;
using CutMode = Commerce.Protos.Clip.V1.CutMode;
using ClipJob = Commerce.Protos.Clip.V1.ClipJob;
using Commerce.Clip.Grpc;
using Commerce.Clip.Storage;
using Commerce.Clip.Training;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Clip.V1;
using Commerce.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Clip.Tests;

/// <summary>
/// Shared test material: one generated session (seed 4242, about 2.5 minutes) rendered once per test run as a real
/// 320x240 video with synthesised speech, and helpers to feed a session's events into a service under test.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<Task<(LabelledSession Session, string Video)>> Rendered = new(RenderAsync);

    public static Task<(LabelledSession Session, string Video)> SessionWithVideoAsync() => Rendered.Value;

    private static async Task<(LabelledSession, string)> RenderAsync()
    {
        var session = SessionGenerator.Generate(4242, 150, productCount: 2);
        var dir = Directory.CreateTempSubdirectory("clip-fixture-").FullName;
        var video = Path.Combine(dir, "session.mp4");
        await SessionVideo.RenderAsync(session, video);
        return (session, video);
    }

    /// <summary>The service with its production scorer, talking to the test run's InferenceHost.</summary>
    public static ServiceHost<ClipGrpcService> Host(Action<IServiceCollection>? services = null) =>
        new(new Dictionary<string, string?>
        {
            ["Clip:PollIntervalMs"] = "100",
            ["Clip:MaxRetryDelayMs"] = "200",
        }, s =>
        {
            s.AddSingleton(new InferenceClient.InferenceClient(InferenceHostFixture.Client));
            services?.Invoke(s);
        });

    public static string BlobRoot(ServiceHost<ClipGrpcService> host) => Path.Combine(host.DataDir, "blobs");

    /// <summary>Copies a video into the host's blob store and returns its blob URI.</summary>
    public static string PutVideo(ServiceHost<ClipGrpcService> host, string source, string name)
    {
        var target = Path.Combine(BlobRoot(host), "sessions", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return "blob://sessions/" + name;
    }

    /// <summary>Publishes the session's plan and transcript as the fleet would, and waits until the service stored them.</summary>
    public static async Task FeedAsync(ServiceHost<ClipGrpcService> host, SessionSignals s, string sessionId, string merchantId)
    {
        await host.Harness.Bus.Publish(new LiveSessionPlanned
        {
            SessionId = sessionId, MerchantId = merchantId, StoreId = "store-" + merchantId, RoomId = "room-1", DurationMinutes = 3,
            Language = "en-US",
            Lineup = s.Products.Select(p => new LineupEntry { ProductId = p.ProductId, Title = p.Title, Role = "main", StartSecond = 0, EndSecond = 60 }).ToList(),
            Script = s.Products.SelectMany(p => p.SellingPoints.Select(sp => new ScriptLine { AtSecond = 0, Kind = "selling_point", Text = sp, ProductId = p.ProductId })).ToList(),
        });
        for (var i = 0; i < s.Transcript.Count; i++)
        {
            var l = s.Transcript[i];
            await host.Harness.Bus.Publish(new LiveTranscriptSegment
            {
                SessionId = sessionId, Sequence = i, StartMs = l.StartMs, EndMs = l.EndMs, Text = l.Text, Language = "en-US", ProductId = l.ProductId,
            });
        }

        var store = host.Services.GetRequiredService<ClipStore>();
        await Until(() => store.GetTranscript(sessionId).Count == s.Transcript.Count && store.GetProducts(sessionId).Count == s.Products.Count,
            "the transcript and products to be stored");
    }

    public static EngagementSeries Engagement(SessionSignals s)
    {
        var series = new EngagementSeries();
        series.Samples.AddRange(s.Engagement.Select(e => new EngagementSample
        {
            OffsetSeconds = e.Offset, Viewers = e.Viewers, Comments = e.Comments, Likes = e.Likes, Orders = e.Orders,
            ProductOnShelfId = e.ProductOnShelfId ?? "", ProductExplainedId = e.ProductExplainedId ?? "",
        }));
        return series;
    }

    public static async Task<ClipJob> WaitForEndAsync(ClipService.ClipServiceClient client, string jobId, double seconds = 90)
    {
        ClipJob? job = null;
        await Until(async () =>
        {
            job = (await client.GetClipJobAsync(new GetClipJobRequest { JobId = jobId })).Job;
            return job.State is ClipJobState.Succeeded or ClipJobState.Failed;
        }, "the job to end", seconds);
        return job!;
    }

    public static Task Until(Func<bool> condition, string what, double seconds = 30) => Until(() => Task.FromResult(condition()), what, seconds);

    /// <summary>Polls a condition with a deadline (the worker runs in the background).</summary>
    public static async Task Until(Func<Task<bool>> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {seconds} s waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static async Task EnableAsync(ClipService.ClipServiceClient client, int clips = 3, CutMode mode = CutMode.StreamCopy) =>
        await client.SetAutoClippingAsync(new SetAutoClippingRequest { Enabled = true, ClipsPerSession = clips, CutMode = mode });
}
