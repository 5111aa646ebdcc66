using Commerce.CsAgent.Domain.Agent;
using Commerce.CsAgent.Domain.Retention;
using Commerce.CsAgent.Storage;
using Commerce.Protos.Type.V1;
using Google.Protobuf.WellKnownTypes;
using P = Commerce.Protos.CsAgent.V1;

namespace Commerce.CsAgent.Grpc;

/// <summary>Domain records to proto messages and back; no logic beyond the mapping.</summary>
public static class ProtoMapping
{
    public static P.Intent ToProto(Domain.Intents.BuyerIntent? i) => i switch
    {
        null => P.Intent.Unspecified,
        var v => (P.Intent)((int)v + 1),
    };

    public static P.SourceCitation ToProto(Citation c) => new()
    {
        Kind = (P.SourceKind)((int)c.Kind + 1), SourceId = c.SourceId, ProductId = c.ProductId ?? "", Attribute = c.Attribute ?? "",
        Value = c.Value ?? "", Excerpt = c.Excerpt.Length > 300 ? c.Excerpt[..300] : c.Excerpt, Confidence = Math.Round(c.Confidence, 3),
    };

    public static P.AgentAction ToProto(AgentActionRecord a) => new()
    {
        Type = (P.ActionType)((int)a.Type + 1), OrderId = a.OrderId ?? "", Outcome = (P.ActionOutcome)((int)a.Outcome + 1), Detail = a.Detail,
    };

    public static P.ConversationTurn ToProto(Turn t)
    {
        var turn = new P.ConversationTurn
        {
            TurnId = t.TurnId, Speaker = (P.Speaker)((int)t.Speaker + 1), Text = t.Text, Intent = ToProto(t.Intent), Confidence = t.Confidence,
            CreateTime = Timestamp.FromDateTimeOffset(t.At),
        };
        turn.Sources.AddRange(t.Sources.Select(ToProto));
        turn.Actions.AddRange(t.Actions.Select(ToProto));
        return turn;
    }

    public static P.Conversation ToProto(Conversation c)
    {
        var conversation = new P.Conversation
        {
            ConversationId = c.ConversationId, State = (P.ConversationState)((int)c.State + 1), ProductId = c.ProductId ?? "", OrderId = c.OrderId ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(c.CreatedAt), UpdateTime = Timestamp.FromDateTimeOffset(c.UpdatedAt == default ? c.CreatedAt : c.UpdatedAt),
        };
        conversation.Turns.AddRange(c.Turns.Select(ToProto));
        return conversation;
    }

    public static P.RefundRequest ToProto(RefundCase r)
    {
        var request = new P.RefundRequest
        {
            RefundRequestId = r.RefundRequestId, OrderId = r.OrderId, State = (P.RefundRequestState)((int)r.State + 1), Reason = (P.RefundReason)((int)r.Reason + 1),
            RefundAmount = Money(r.RefundAmount, r.Currency), StatutoryReturn = r.Statutory, CreateTime = Timestamp.FromDateTimeOffset(r.CreatedAt),
        };
        if (r.Offer is { } o)
        {
            request.Offer = new P.RetentionOffer
            {
                OfferId = o.OfferId, Kind = (P.OfferKind)((int)o.Kind + 1), Description = o.DescriptionEn, ExpireTime = Timestamp.FromDateTimeOffset(o.ExpiresAt),
                Amount = o.Kind is OfferKind.Exchange or OfferKind.FasterShipping ? null : Money(o.BuyerValue, r.Currency),
            };
        }

        return request;
    }

    public static RefundReason FromProto(P.RefundReason reason) => (RefundReason)((int)reason - 1);

    public static P.SubmitEvidenceResponse ToProto(EvidenceRecord e)
    {
        var response = new P.SubmitEvidenceResponse { EvidenceId = e.EvidenceId, Verdict = e.NeedsPerson ? P.EvidenceVerdict.NeedsPerson : P.EvidenceVerdict.Accept };
        response.Reasons.AddRange(e.Findings.Select(f => new P.EvidenceReason
        {
            ImageIndex = f.ImageIndex, Issue = (P.EvidenceIssue)((int)f.Issue + 1), Detail = f.Detail, Score = Math.Round(f.Score, 3), MatchedClaimId = f.MatchedClaimId ?? "",
        }));
        return response;
    }

    public static Money Money(decimal amount, string currency)
    {
        var units = decimal.Truncate(amount);
        return new Money { CurrencyCode = currency, Units = (long)units, Nanos = (int)((amount - units) * 1_000_000_000m) };
    }
}
