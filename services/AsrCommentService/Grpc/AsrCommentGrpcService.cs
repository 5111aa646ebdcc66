using System.Globalization;
using Commerce.Asr.Domain.Audio;
using Commerce.Asr.Domain.Suggestions;
using Commerce.Asr.Live;
using Commerce.Asr.Storage;
using Commerce.Protos.Asr.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.Asr.Grpc;

/// <summary>Thin adapter over the live-room pipeline: validate, call, map.</summary>
public sealed class AsrCommentGrpcService(
    SessionCatalog sessions,
    AsrStore store,
    LiveTranscriptPipeline pipeline,
    AudioEngine engine,
    RoomSuggestionBoard board,
    RoomAccessPolicy access,
    AsrOptions options) : AsrCommentService.AsrCommentServiceBase
{
    private const int MaxUtterances = 100;
    private const int MaxUtteranceChars = 1000;

    public override async Task StreamLiveAudio(IAsyncStreamReader<StreamLiveAudioRequest> requestStream, IServerStreamWriter<StreamLiveAudioResponse> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        try
        {
            if (!await ReadWithTimeout(requestStream, ct)) return;
        }
        catch (TimeoutException)
        {
            return;
        }

        var first = requestStream.Current;
        Validate(first, null);
        var session = sessions.Require(first.SessionId);
        caller.RequireMerchant(session.MerchantId);
        if (!IsEnglish(first.LanguageCode))
            throw new InvalidInputException($"the embedded recogniser hears English only; send {first.LanguageCode} as text with SubmitTranscript");

        using var transcriber = engine.Open(session);
        var reorder = new ChunkReorderBuffer(options.ReorderWindowMs * 16);
        var lastStatus = DateTime.UtcNow;
        double statusAudio = 0, statusBusy = 0;
        var request = first;
        var state = AudioStreamState.Ended;
        while (true)
        {
            foreach (var chunk in reorder.Accept(request.SequenceNumber, ToSamples(request.Pcm)))
                await Emit(transcriber.Feed(chunk));
            if (DateTime.UtcNow - lastStatus >= options.StatusInterval)
            {
                await responseStream.WriteAsync(Status(AudioStreamState.Active), ct);
                lastStatus = DateTime.UtcNow;
            }

            bool more;
            try
            {
                more = await ReadWithTimeout(requestStream, ct);
            }
            catch (TimeoutException)
            {
                state = AudioStreamState.IdleTimeout;
                break;
            }

            if (!more) break;
            request = requestStream.Current;
            Validate(request, session.SessionId);
        }

        foreach (var chunk in reorder.Flush()) await Emit(transcriber.Feed(chunk));
        await Emit(transcriber.Finish());
        await responseStream.WriteAsync(Status(state), CancellationToken.None);
        return;

        async Task Emit(IReadOnlyList<TranscriptEvent> events)
        {
            foreach (var e in events)
            {
                if (!e.IsFinal)
                {
                    var partial = new StoredSegment(session.SessionId, e.SegmentId, e.StartMs, e.EndMs, e.Text, "en-US", sessions.Tracker(session).Current, e.Confidence);
                    await responseStream.WriteAsync(new StreamLiveAudioResponse { Transcript = partial.ToProto(isFinal: false) }, ct);
                    continue;
                }

                var outcome = await pipeline.HandleFinalAsync(session, e.SegmentId, e.Text, e.StartMs, e.EndMs, "en-US", e.Confidence, ct);
                await responseStream.WriteAsync(new StreamLiveAudioResponse { Transcript = outcome.Segment.ToProto() }, ct);
                foreach (var cue in ProtoMapping.CuesOf(outcome.Segment, outcome.Cues))
                    await responseStream.WriteAsync(new StreamLiveAudioResponse { Cue = cue }, ct);
            }
        }

        StreamLiveAudioResponse Status(AudioStreamState s)
        {
            var audio = transcriber.AudioSeconds - statusAudio;
            var busy = transcriber.ProcessingSeconds - statusBusy;
            statusAudio = transcriber.AudioSeconds;
            statusBusy = transcriber.ProcessingSeconds;
            return new StreamLiveAudioResponse
            {
                Status = new AudioStreamStatus
                {
                    LastSequenceNumber = reorder.LastSequence, MissingChunkCount = reorder.MissingChunks, ReorderedChunkCount = reorder.ReorderedChunks,
                    RealTimeFactor = audio > 0 ? busy / audio : 0, State = s,
                },
            };
        }
    }

    public override async Task<SubmitTranscriptResponse> SubmitTranscript(SubmitTranscriptRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.SessionId)) throw new InvalidInputException("session_id is required");
        if (request.Utterances.Count is 0 or > MaxUtterances) throw new InvalidInputException($"send 1-{MaxUtterances} utterances per call (got {request.Utterances.Count})");
        for (var i = 0; i < request.Utterances.Count; i++)
        {
            var u = request.Utterances[i];
            if (string.IsNullOrWhiteSpace(u.Text)) throw new InvalidInputException($"utterances[{i}].text is empty");
            if (u.Text.Length > MaxUtteranceChars) throw new InvalidInputException($"utterances[{i}].text is over {MaxUtteranceChars} characters");
            var start = u.StartOffset?.ToTimeSpan() ?? TimeSpan.Zero;
            var end = u.EndOffset?.ToTimeSpan() ?? start;
            if (start < TimeSpan.Zero || end < start) throw new InvalidInputException($"utterances[{i}]: offsets must be >= 0 and end >= start");
        }

        var session = sessions.Require(request.SessionId);
        context.GetCaller().RequireMerchant(session.MerchantId);
        var response = new SubmitTranscriptResponse();
        foreach (var u in request.Utterances)
        {
            var start = (int)(u.StartOffset?.ToTimeSpan() ?? TimeSpan.Zero).TotalMilliseconds;
            var end = (int)(u.EndOffset?.ToTimeSpan().TotalMilliseconds ?? start);
            var language = string.IsNullOrEmpty(u.LanguageCode) ? DetectLanguage(u.Text) : u.LanguageCode;
            var outcome = await pipeline.HandleFinalAsync(session, Guid.NewGuid().ToString("N"), u.Text.Trim(), start, end, language, 1.0, context.CancellationToken);
            response.Segments.Add(outcome.Segment.ToProto());
            response.Cues.AddRange(ProtoMapping.CuesOf(outcome.Segment, outcome.Cues));
        }

        return response;
    }

    public override async Task SubscribeQuickComments(SubscribeQuickCommentsRequest request, IServerStreamWriter<SubscribeQuickCommentsResponse> responseStream, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.LiveRoomId)) throw new InvalidInputException("live_room_id is required");
        var session = sessions.RequireRoom(request.LiveRoomId);
        access.RequireViewer(context.GetCaller(), session);
        using var subscription = board.Subscribe(session.RoomId);
        try
        {
            await foreach (var update in subscription.Updates.ReadAllAsync(context.CancellationToken))
                await responseStream.WriteAsync(update.ToProto(), context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // the viewer left
        }
    }

    public override Task<GetSessionTranscriptResponse> GetSessionTranscript(GetSessionTranscriptRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.SessionId)) throw new InvalidInputException("session_id is required");
        if (request.PageSize is < 0 or > 1000) throw new InvalidInputException("page_size must be 0-1000");
        long from = 0;
        if (request.PageToken.Length > 0 && (!long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out from)))
            throw new InvalidInputException("page_token is not one this service issued");
        var session = sessions.Require(request.SessionId);
        context.GetCaller().RequireMerchant(session.MerchantId);
        var size = request.PageSize == 0 ? 200 : request.PageSize;
        var (segments, cues) = store.Transcript(session.SessionId, from, size + 1);
        var response = new GetSessionTranscriptResponse();
        var page = segments.Take(size).ToList();
        response.Segments.AddRange(page.Select(s => s.ToProto()));
        var last = page.Count > 0 ? page[^1].Sequence : -1;
        response.Cues.AddRange(cues.Where(c => page.Any(p => p.SegmentId == c.SegmentId)).Select(c => c.ToProto()));
        if (segments.Count > size) response.NextPageToken = (last + 1).ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(response);
    }

    private void Validate(StreamLiveAudioRequest r, string? sessionId)
    {
        if (string.IsNullOrWhiteSpace(r.SessionId)) throw new InvalidInputException("session_id is required in every chunk");
        if (sessionId is not null && r.SessionId != sessionId) throw new InvalidInputException($"session_id changed within the stream ({sessionId} -> {r.SessionId})");
        if (r.SampleRateHz != 16000) throw new InvalidInputException($"sample_rate_hz must be 16000 (got {r.SampleRateHz}); resample before sending");
        if (r.Encoding != AudioEncoding.Linear16) throw new InvalidInputException($"encoding must be AUDIO_ENCODING_LINEAR16 (got {r.Encoding})");
        if (r.Pcm.Length > options.MaxChunkBytes) throw new InvalidInputException($"a chunk carries at most {options.MaxChunkBytes} bytes of PCM (got {r.Pcm.Length}); send smaller chunks");
        if (r.Pcm.Length % 2 != 0) throw new InvalidInputException("pcm must hold whole 16-bit samples (an even number of bytes)");
        if (r.SequenceNumber < 0) throw new InvalidInputException("sequence_number must be >= 0");
    }

    private async Task<bool> ReadWithTimeout(IAsyncStreamReader<StreamLiveAudioRequest> stream, CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(options.IdleTimeout);
        try
        {
            return await stream.MoveNext(idle.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && idle.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException("no audio within the idle timeout");
        }
    }

    private static short[] ToSamples(Google.Protobuf.ByteString pcm)
    {
        var samples = new short[pcm.Length / 2];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(pcm.Span).CopyTo(samples);
        return samples;
    }

    private static bool IsEnglish(string language) => language.Length == 0 || language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string DetectLanguage(string text) => text.Any(ch => ch is >= '\u4e00' and <= '\u9fff') ? "zh-CN" : "en-US";
}
