using System.Diagnostics;
using Commerce.Asr.Domain.Cues;
using Commerce.Asr.Domain.Sessions;
using Commerce.Asr.Domain.Suggestions;
using Commerce.Asr.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Asr.Live;

/// <summary>What one final utterance produced.</summary>
public sealed record FinalSegmentOutcome(StoredSegment Segment, IReadOnlyList<(string CueId, DetectedCue Cue)> Cues, QuickCommentSuggestion? Suggestion);

/// <summary>
/// A final utterance, heard or submitted: which product, which cues, the suggestion set pushed to the room, the
/// segment stored, and the events published. The suggestion goes to viewers before the store and the bus are touched:
/// the 300 ms budget from end of utterance to suggestion is the viewers', not the bookkeeping's.
/// </summary>
public sealed class LiveTranscriptPipeline(
    SessionCatalog sessions,
    AsrStore store,
    RoomSuggestionBoard board,
    QuickCommentComposer composer,
    AsrOptions options,
    TimeProvider clock,
    IPublishEndpoint publish,
    ILogger<LiveTranscriptPipeline> logger)
{
    private static readonly ActivitySource Source = new("Commerce.Asr");

    public async Task<FinalSegmentOutcome> HandleFinalAsync(LiveSession session, string segmentId, string text, int startMs, int endMs, string language, double confidence, CancellationToken ct)
    {
        using var activity = Source.StartActivity("asr.final_segment");
        var productId = sessions.Tracker(session).Observe(text, startMs);
        var cues = CueDetector.Detect(text).Select(c => (CueId: Guid.NewGuid().ToString("N"), Cue: c)).ToList();
        var suggestion = cues.Count == 0 ? null : Suggest(session, productId, language, cues);

        var segment = new StoredSegment(session.SessionId, segmentId, startMs, endMs, text, language, productId, confidence);
        var seq = store.AppendSegment(segment, cues);
        segment = segment with { Sequence = seq };
        await publish.Publish(new LiveTranscriptSegment
        {
            SessionId = session.SessionId, Sequence = seq, StartMs = startMs, EndMs = endMs, Text = text, Language = language, ProductId = productId,
        }, ct);
        if (suggestion is not null)
        {
            await publish.Publish(new QuickCommentsSuggested
            {
                SessionId = session.SessionId, RoomId = session.RoomId, CueKind = suggestion.CueKind.ToString(), Suggestions = suggestion.Comments, ProductId = productId,
            }, ct);
        }

        return new FinalSegmentOutcome(segment, cues, suggestion);
    }

    private QuickCommentSuggestion? Suggest(LiveSession session, string? productId, string language, List<(string CueId, DetectedCue Cue)> cues)
    {
        var now = clock.GetUtcNow();
        if (!board.CanOffer(session.RoomId, now)) return null;
        // The most actionable cue of the utterance answers: an explicit call for a comment beats a general question.
        var (cueId, cue) = cues.OrderBy(c => Priority(c.Cue.Kind)).First();
        var product = productId is null ? null : sessions.Products(session).FirstOrDefault(p => p.ProductId == productId);
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var name = zh ? product?.TitleZh ?? product?.Title : product?.Title;
        var colours = product is null ? [] : product.Attributes.Where(a => a.Key is "colour" or "color" or "颜色").SelectMany(a => a.Value.Split(',', '/', '、')).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var comments = composer.Compose(new SuggestionContext(cue, language, name, colours, product?.Sizes ?? []), board.PreviousComments(session.RoomId), cueId.GetHashCode(StringComparison.Ordinal));
        if (comments.Count < 2) return null;
        var lifetime = cue.Countdown is { } countdown ? TimeSpan.FromSeconds(Math.Min(countdown.TotalSeconds, 180)) : options.SuggestionLifetime;
        var suggestion = new QuickCommentSuggestion
        {
            SetId = Guid.NewGuid().ToString("N"), SessionId = session.SessionId, RoomId = session.RoomId, CueId = cueId, CueKind = cue.Kind,
            ProductId = productId, Comments = comments, CreatedAt = now, ExpiresAt = now + lifetime,
        };
        if (!board.Offer(suggestion, now)) return null;
        logger.LogDebug("room {Room}: {Kind} suggestion {Comments}", session.RoomId, cue.Kind, string.Join(" | ", comments));
        return suggestion;
    }

    private static int Priority(CueKind kind) => kind switch
    {
        CueKind.CallForComment => 0,
        CueKind.Lottery => 1,
        CueKind.SizeQuestion => 2,
        CueKind.LinkUp => 3,
        CueKind.Countdown => 4,
        CueKind.PriceReveal => 5,
        _ => 6,
    };
}
