using Commerce.Asr.Domain.Cues;
using Commerce.Asr.Domain.Suggestions;
using Commerce.Asr.Storage;
using Commerce.Protos.Asr.V1;
using Google.Protobuf.WellKnownTypes;
using Money = Commerce.Protos.Type.V1.Money;

namespace Commerce.Asr.Grpc;

internal static class ProtoMapping
{
    public static TranscriptSegment ToProto(this StoredSegment s, bool isFinal = true) => new()
    {
        SegmentId = s.SegmentId, SessionId = s.SessionId, IsFinal = isFinal, Text = s.Text,
        StartOffset = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(s.StartMs)), EndOffset = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(s.EndMs)),
        Confidence = s.Confidence, ProductId = s.ProductId ?? "", LanguageCode = s.Language,
    };

    public static Cue ToProto(this StoredCue c)
    {
        var cue = new Cue
        {
            CueId = c.CueId, SessionId = c.SessionId, SegmentId = c.SegmentId, Type = (CueType)(int)c.Cue.Kind, TriggerText = c.Cue.Trigger,
            ProductId = c.ProductId ?? "", Offset = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(c.EndMs)), Confidence = c.Cue.Confidence,
            RequestedComment = c.Cue.RequestedComment ?? "", LanguageCode = c.Language,
        };
        if (c.Cue.Countdown is { } countdown) cue.Countdown = Duration.FromTimeSpan(countdown);
        if (c.Cue.Price is { } price)
        {
            var units = decimal.Truncate(price);
            cue.Price = new Money { CurrencyCode = c.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "CNY" : "USD", Units = (long)units, Nanos = (int)((price - units) * 1_000_000_000m) };
        }

        return cue;
    }

    public static IEnumerable<Cue> CuesOf(StoredSegment s, IEnumerable<(string CueId, DetectedCue Cue)> cues) =>
        cues.Select(c => new StoredCue(c.CueId, s.SessionId, s.SegmentId, s.ProductId, s.EndMs, s.Language, c.Cue).ToProto());

    public static SubscribeQuickCommentsResponse ToProto(this RoomUpdate update)
    {
        if (update.Suggested is { } s)
        {
            var set = new QuickCommentSet
            {
                SuggestionSetId = s.SetId, LiveRoomId = s.RoomId, CueId = s.CueId, CueType = (CueType)(int)s.CueKind, ProductId = s.ProductId ?? "",
                CreateTime = Timestamp.FromDateTimeOffset(s.CreatedAt), ExpireTime = Timestamp.FromDateTimeOffset(s.ExpiresAt),
            };
            set.Comments.AddRange(s.Comments.Select((text, i) => new QuickComment { CommentId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Text = text }));
            return new SubscribeQuickCommentsResponse { Suggested = set };
        }

        return new SubscribeQuickCommentsResponse { Withdrawn = new QuickCommentWithdrawal { SuggestionSetId = update.WithdrawnSetId ?? "", Reason = (WithdrawalReason)(int)update.Cause } };
    }
}
