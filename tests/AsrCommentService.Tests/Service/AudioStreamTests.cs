using Commerce.Asr.Tests.Evaluation;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Asr.V1;
using Commerce.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using MassTransit.Testing;

namespace Commerce.Asr.Tests.Service;

public sealed class AudioStreamTests
{
    [Test]
    public async Task Host_audio_with_reordered_chunks_becomes_a_final_segment_about_the_product()
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-audio");
        var speech = SpeechFixtures.ReadPcm16(SpeechFixtures.Synthesise("svc-comment-one", "comment one if you want the genuine cowhide leather belt"));
        var samples = new short[8000].Concat(speech).Concat(new short[16000]).ToArray();
        var chunks = samples.Chunk(3200).Select((c, i) => (Seq: (long)i, Pcm: c)).ToList();
        (chunks[3], chunks[4]) = (chunks[4], chunks[3]);

        using var viewer = host.CreateChannel(Callers.Buyer("v1"));
        using var merchant = host.CreateChannel(Callers.Merchant("m1"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var suggestions = new AsrCommentService.AsrCommentServiceClient(viewer).SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = plan.RoomId }, cancellationToken: cts.Token);
        await TranscriptAndSuggestionTests.WaitForViewers(host, plan.RoomId, 1);
        using var call = new AsrCommentService.AsrCommentServiceClient(merchant).StreamLiveAudio(cancellationToken: cts.Token);
        foreach (var (seq, pcm) in chunks) await call.RequestStream.WriteAsync(Chunk(plan.SessionId, seq, pcm));
        await call.RequestStream.CompleteAsync();
        var responses = new List<StreamLiveAudioResponse>();
        await foreach (var r in call.ResponseStream.ReadAllAsync(cts.Token)) responses.Add(r);

        var finals = responses.Where(r => r.EventCase == StreamLiveAudioResponse.EventOneofCase.Transcript && r.Transcript.IsFinal).Select(r => r.Transcript).ToList();
        TestContext.Out.WriteLine("final: " + string.Join(" / ", finals.Select(f => f.Text)));
        var status = responses.Last().Status;
        Assert.That(finals, Is.Not.Empty);
        Assert.That(string.Join(' ', finals.Select(f => f.Text)), Does.Contain("cowhide leather belt"));
        Assert.That(finals[0].ProductId, Is.EqualTo("s-audio-belt"));
        Assert.That(status.State, Is.EqualTo(AudioStreamState.Ended));
        Assert.That(status.ReorderedChunkCount, Is.EqualTo(1));
        Assert.That(status.MissingChunkCount, Is.Zero);
        Assert.That(await host.Harness.Published.Any<LiveTranscriptSegment>(x => x.Context.Message.SessionId == plan.SessionId), Is.True);
    }

    [Test]
    public async Task An_idle_stream_finishes_with_an_idle_timeout_status()
    {
        await using var host = LiveRoomFixture.Host(new() { ["Asr:IdleTimeout"] = "00:00:01" });
        var plan = await LiveRoomFixture.PlanAsync(host, "s-idle");
        using var merchant = host.CreateChannel(Callers.Merchant("m1"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = new AsrCommentService.AsrCommentServiceClient(merchant).StreamLiveAudio(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(Chunk(plan.SessionId, 0, new short[1600]));

        var responses = new List<StreamLiveAudioResponse>();
        await foreach (var r in call.ResponseStream.ReadAllAsync(cts.Token)) responses.Add(r);

        Assert.That(responses.Last().Status.State, Is.EqualTo(AudioStreamState.IdleTimeout));
        Assert.That(call.GetStatus().StatusCode, Is.EqualTo(StatusCode.OK));
    }

    [TestCase(8000, AudioEncoding.Linear16, 3200, TestName = "Wrong sample rate is InvalidArgument")]
    [TestCase(16000, AudioEncoding.Unspecified, 3200, TestName = "Unspecified encoding is InvalidArgument")]
    [TestCase(16000, AudioEncoding.Linear16, 40_000, TestName = "A chunk over 64 KiB is InvalidArgument")]
    public async Task Bad_audio_is_refused(int rate, AudioEncoding encoding, int samples)
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-bad");
        var chunk = Chunk(plan.SessionId, 0, new short[samples]);
        chunk.SampleRateHz = rate;
        chunk.Encoding = encoding;

        var status = await SendOne(host, Callers.Merchant("m1"), chunk);

        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(status.Detail, Is.Not.Empty);
    }

    [Test]
    public async Task A_stream_for_an_unknown_session_is_NotFound_and_for_another_merchants_session_PermissionDenied()
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-owned");

        var unknown = await SendOne(host, Callers.Merchant("m1"), Chunk("no-such-session", 0, new short[1600]));
        var foreign = await SendOne(host, Callers.Merchant("m2"), Chunk(plan.SessionId, 0, new short[1600]));

        Assert.That(unknown.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(foreign.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
    }

    [Test]
    public async Task Viewers_of_a_private_room_must_be_on_its_list_and_an_unknown_room_is_NotFound()
    {
        await using var host = LiveRoomFixture.Host(new() { ["Asr:PrivateRooms:room-private:0"] = "vip-1" });
        await LiveRoomFixture.PlanAsync(host, "s-private", roomId: "room-private");

        var outsider = await Subscribe(host, Callers.Buyer("stranger"), "room-private");
        var anonymous = await Subscribe(host, [], "room-private");
        var unknown = await Subscribe(host, Callers.Buyer("vip-1"), "room-nowhere");

        Assert.That(outsider, Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(anonymous, Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(unknown, Is.EqualTo(StatusCode.NotFound));
    }

    [Test]
    public async Task Submitting_to_an_unknown_session_is_NotFound_and_empty_text_InvalidArgument()
    {
        await using var host = LiveRoomFixture.Host();
        var plan = await LiveRoomFixture.PlanAsync(host, "s-text");
        using var merchant = host.CreateChannel(Callers.Merchant("m1"));
        var client = new AsrCommentService.AsrCommentServiceClient(merchant);

        var unknown = Assert.ThrowsAsync<RpcException>(async () => await client.SubmitTranscriptAsync(new SubmitTranscriptRequest { SessionId = "nope", Utterances = { new Utterance { Text = "hi" } } }));
        var empty = Assert.ThrowsAsync<RpcException>(async () => await client.SubmitTranscriptAsync(new SubmitTranscriptRequest { SessionId = plan.SessionId, Utterances = { new Utterance { Text = " " } } }));

        Assert.That(unknown!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(empty!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
    }

    private static async Task<StatusCode> Subscribe(TestSupport.ServiceHost<Commerce.Asr.Grpc.AsrCommentGrpcService> host, (string, string)[] caller, string room)
    {
        using var channel = host.CreateChannel(caller);
        using var call = new AsrCommentService.AsrCommentServiceClient(channel).SubscribeQuickComments(new SubscribeQuickCommentsRequest { LiveRoomId = room });
        try
        {
            await call.ResponseStream.MoveNext(CancellationToken.None);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task<Status> SendOne(TestSupport.ServiceHost<Commerce.Asr.Grpc.AsrCommentGrpcService> host, (string, string)[] caller, StreamLiveAudioRequest chunk)
    {
        using var channel = host.CreateChannel(caller);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = new AsrCommentService.AsrCommentServiceClient(channel).StreamLiveAudio(cancellationToken: cts.Token);
        try
        {
            await call.RequestStream.WriteAsync(chunk);
            await call.RequestStream.CompleteAsync();
            await foreach (var _ in call.ResponseStream.ReadAllAsync(cts.Token)) { }
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }

        return call.GetStatus();
    }

    internal static StreamLiveAudioRequest Chunk(string sessionId, long seq, short[] pcm)
    {
        var bytes = new byte[pcm.Length * 2];
        Buffer.BlockCopy(pcm, 0, bytes, 0, bytes.Length);
        return new StreamLiveAudioRequest { SessionId = sessionId, SequenceNumber = seq, SampleRateHz = 16000, Encoding = AudioEncoding.Linear16, Pcm = ByteString.CopyFrom(bytes) };
    }
}
