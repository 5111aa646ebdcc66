using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Asr.V1;
using Commerce.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit.Testing;

namespace Commerce.Asr.Tests.Service;

public sealed class TranscriptAndSuggestionTests
{
    [Test]
    public async Task A_submitted_call_for_comment_pushes_a_suggestion_set_to_every_viewer_and_publishes_events()
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-submit");
        using var viewerA = host.CreateChannel(Callers.Buyer("viewer-a"));
        using var viewerB = host.CreateChannel(Callers.Buyer("viewer-b"));
        using var merchant = host.CreateChannel(Callers.Merchant("m1"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var streamA = new AsrCommentService.AsrCommentServiceClient(viewerA).SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = plan.RoomId }, cancellationToken: cts.Token);
        using var streamB = new AsrCommentService.AsrCommentServiceClient(viewerB).SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = plan.RoomId }, cancellationToken: cts.Token);
        await WaitForViewers(host, plan.RoomId, 2);

        var response = await new AsrCommentService.AsrCommentServiceClient(merchant).SubmitTranscriptAsync(new SubmitTranscriptRequest
        {
            SessionId = plan.SessionId,
            Utterances = { new Utterance { Text = "这款皮带想要的宝宝们公屏扣1", StartOffset = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)), EndOffset = Duration.FromTimeSpan(TimeSpan.FromSeconds(8)) } },
        });

        Assert.That(await streamA.ResponseStream.MoveNext(cts.Token), Is.True);
        Assert.That(await streamB.ResponseStream.MoveNext(cts.Token), Is.True);
        var set = streamA.ResponseStream.Current.Suggested;
        TestContext.Out.WriteLine("suggested: " + string.Join(" | ", set.Comments.Select(c => c.Text)));
        Assert.That(response.Segments.Single().LanguageCode, Is.EqualTo("zh-CN"));
        Assert.That(response.Segments.Single().ProductId, Is.EqualTo("s-submit-belt"));
        Assert.That(response.Cues.Single().Type, Is.EqualTo(CueType.CallForComment));
        Assert.That(response.Cues.Single().RequestedComment, Is.EqualTo("1"));
        Assert.That(set.Comments, Has.Count.InRange(2, 4));
        Assert.That(set.Comments[0].Text, Is.EqualTo("1"));
        Assert.That(set.Comments.Select(c => c.Text), Is.Unique);
        Assert.That(streamB.ResponseStream.Current.Suggested.SuggestionSetId, Is.EqualTo(set.SuggestionSetId));
        Assert.That(await host.Harness.Published.Any<QuickCommentsSuggested>(x => x.Context.Message.SessionId == plan.SessionId), Is.True);
        Assert.That(await host.Harness.Published.Any<LiveTranscriptSegment>(x => x.Context.Message.SessionId == plan.SessionId && x.Context.Message.EndMs == 8000), Is.True);
    }

    [Test]
    public async Task A_suggestion_set_is_withdrawn_when_its_moment_passes()
    {
        await using var host = LiveRoomFixture.Host(new() { ["Asr:SuggestionLifetime"] = "00:00:00.500" });
        var plan = await LiveRoomFixture.PlanAsync(host, "s-expire");
        using var viewer = host.CreateChannel(Callers.Buyer("v1"));
        using var merchant = host.CreateChannel(Callers.Merchant("m1"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = new AsrCommentService.AsrCommentServiceClient(viewer).SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = plan.RoomId }, cancellationToken: cts.Token);
        await WaitForViewers(host, plan.RoomId, 1);

        await new AsrCommentService.AsrCommentServiceClient(merchant).SubmitTranscriptAsync(new SubmitTranscriptRequest
        {
            SessionId = plan.SessionId, Utterances = { new Utterance { Text = "tell me your height and weight and i will pick the size" } },
        });

        Assert.That(await stream.ResponseStream.MoveNext(cts.Token), Is.True);
        var set = stream.ResponseStream.Current.Suggested;
        Assert.That(await stream.ResponseStream.MoveNext(cts.Token), Is.True);
        Assert.That(set.CueType, Is.EqualTo(CueType.SizeQuestion));
        Assert.That(stream.ResponseStream.Current.Withdrawn.SuggestionSetId, Is.EqualTo(set.SuggestionSetId));
        Assert.That(stream.ResponseStream.Current.Withdrawn.Reason, Is.EqualTo(WithdrawalReason.MomentPassed));
    }

    [Test]
    public async Task The_session_transcript_pages_through_final_segments_with_their_cues()
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-page");
        using var merchant = host.CreateChannel(Callers.Merchant("m1"));
        var client = new AsrCommentService.AsrCommentServiceClient(merchant);
        await client.SubmitTranscriptAsync(new SubmitTranscriptRequest
        {
            SessionId = plan.SessionId,
            Utterances = { new Utterance { Text = "hello everyone" }, new Utterance { Text = "the link is up now" }, new Utterance { Text = "上链接" } },
        });

        var first = await client.GetSessionTranscriptAsync(new GetSessionTranscriptRequest { SessionId = plan.SessionId, PageSize = 2 });
        var second = await client.GetSessionTranscriptAsync(new GetSessionTranscriptRequest { SessionId = plan.SessionId, PageSize = 2, PageToken = first.NextPageToken });

        Assert.That(first.Segments.Select(s => s.Text), Is.EqualTo(new[] { "hello everyone", "the link is up now" }));
        Assert.That(first.Cues.Single().Type, Is.EqualTo(CueType.LinkUp));
        Assert.That(second.Segments.Single().Text, Is.EqualTo("上链接"));
        Assert.That(second.NextPageToken, Is.Empty);
    }

    [Test]
    public async Task A_redelivered_plan_changes_nothing_twice()
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-dup");
        await host.Harness.Bus.Publish(plan with { RoomId = "room-changed" });
        await host.Harness.Consumed.Any<LiveSessionPlanned>(x => x.Context.Message.RoomId == "room-changed");
        using var viewer = host.CreateChannel(Callers.Buyer("v1"));
        using var stream = new AsrCommentService.AsrCommentServiceClient(viewer).SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = "room-changed" });
        var ex = Assert.ThrowsAsync<RpcException>(async () => await stream.ResponseStream.MoveNext(CancellationToken.None));
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.NotFound));
    }

    internal static async Task WaitForViewers(ServiceHost<Commerce.Asr.Grpc.AsrCommentGrpcService> host, string roomId, int count)
    {
        var board = (Commerce.Asr.Domain.Suggestions.RoomSuggestionBoard)host.Services.GetService(typeof(Commerce.Asr.Domain.Suggestions.RoomSuggestionBoard))!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (board.ViewerCount(roomId) < count)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"viewers did not subscribe to {roomId}");
            await Task.Delay(10);
        }
    }
}
