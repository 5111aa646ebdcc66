using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Clip.V1;
using Commerce.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Clip.Tests;

/// <summary>Validation, access and idempotent consumers: cheap checks without video.</summary>
public sealed class SurfaceRulesTests
{
    [Test]
    public async Task Auto_clipping_is_off_by_default_and_a_merchant_sets_only_its_own()
    {
        await using var host = Fixtures.Host();
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));

        var before = (await client.GetAutoClippingAsync(new GetAutoClippingRequest())).Settings;
        var set = (await client.SetAutoClippingAsync(new SetAutoClippingRequest { Enabled = true, ClipsPerSession = 4, Kinds = { Protos.Clip.V1.ClipKind.HotItem } })).Settings;
        var foreign = Assert.ThrowsAsync<RpcException>(async () => await client.GetAutoClippingAsync(new GetAutoClippingRequest { MerchantId = "m2" }));
        var tooMany = Assert.ThrowsAsync<RpcException>(async () => await client.SetAutoClippingAsync(new SetAutoClippingRequest { ClipsPerSession = 31 }));

        Assert.That(before.Enabled, Is.False);
        Assert.That(set.Enabled, Is.True);
        Assert.That(set.ClipsPerSession, Is.EqualTo(4));
        Assert.That(set.Kinds, Is.EqualTo(new[] { Protos.Clip.V1.ClipKind.HotItem }));
        Assert.That(foreign!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(tooMany!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    [Test]
    public async Task Submit_validates_its_input_and_needs_auto_clipping_on()
    {
        await using var host = Fixtures.Host();
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        var ok = new SubmitSessionRequest { SessionId = "s1", Video = new VideoSource { FileUri = "blob://a.mp4" }, EngagementSeries = new EngagementSeries() };

        var off = Assert.ThrowsAsync<RpcException>(async () => await client.SubmitSessionAsync(ok));
        await Fixtures.EnableAsync(client);
        StatusCode Code(SubmitSessionRequest r) => Assert.ThrowsAsync<RpcException>(async () => await client.SubmitSessionAsync(r))!.StatusCode;

        Assert.That(off!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
        Assert.That(Code(new SubmitSessionRequest { SessionId = "s1", EngagementSeries = new EngagementSeries() }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Code(new SubmitSessionRequest { SessionId = "s1", Video = new VideoSource { FileUri = "blob://../../etc/passwd" }, EngagementSeries = new EngagementSeries() }),
            Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Code(new SubmitSessionRequest { SessionId = "s1", Video = new VideoSource { FileUri = "/etc/passwd" }, EngagementSeries = new EngagementSeries() }),
            Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Code(new SubmitSessionRequest { SessionId = "s1", Video = new VideoSource { FileUri = "blob://a.mp4" } }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Code(new SubmitSessionRequest { SessionId = "", Video = ok.Video, EngagementSeries = new EngagementSeries() }), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Code(new SubmitSessionRequest { SessionId = "s1", Video = ok.Video, EngagementSeries = new EngagementSeries(), ClipCount = 99 }), Is.EqualTo(StatusCode.InvalidArgument));
        var unordered = new EngagementSeries { Samples = { new EngagementSample { OffsetSeconds = 5 }, new EngagementSample { OffsetSeconds = 2 } } };
        Assert.That(Code(new SubmitSessionRequest { SessionId = "s1", Video = ok.Video, EngagementSeries = unordered }), Is.EqualTo(StatusCode.InvalidArgument));
        var missing = Assert.ThrowsAsync<RpcException>(async () => await client.GetClipJobAsync(new GetClipJobRequest { JobId = "job-nope" }));
        Assert.That(missing!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Redelivered_events_change_nothing_twice_and_a_session_end_queues_one_job()
    {
        await using var host = Fixtures.Host();
        var client = new ClipService.ClipServiceClient(host.CreateChannel(Callers.Merchant("m1")));
        await Fixtures.EnableAsync(client);
        var store = host.Services.GetRequiredService<Storage.ClipStore>();
        var segment = new LiveTranscriptSegment { SessionId = "s9", Sequence = 1, StartMs = 0, EndMs = 3000, Text = "Hello everyone", Language = "en-US" };
        var ended = new LiveSessionEnded { SessionId = "s9", MerchantId = "m1", RoomId = "r", VideoUri = "blob://sessions/s9.mp4", DurationSeconds = 60 };

        await host.Harness.Bus.Publish(segment);
        await host.Harness.Bus.Publish(segment);
        await host.Harness.Bus.Publish(ended);
        await host.Harness.Bus.Publish(ended);
        await Fixtures.Until(() => host.Harness.Consumed.Select<LiveSessionEnded>().Count() == 2 && host.Harness.Consumed.Select<LiveTranscriptSegment>().Count() == 2,
            "both deliveries of each event to be consumed");

        Assert.That(store.GetTranscript("s9"), Has.Count.EqualTo(1));
        var jobId = store.JobIdOf("m1", "s9");
        Assert.That(jobId, Is.Not.Null, "auto-clipping on: the session end queued a job");
        var job = await Fixtures.WaitForEndAsync(client, jobId!);
        Assert.That(job.State, Is.EqualTo(ClipJobState.Failed), "its video does not exist");
        Assert.That(job.FailureReason, Does.Contain("not found"));
    }
}
