using Commerce.CsAgent.Application;
using Commerce.CsAgent.Domain.Evidence;
using Commerce.Protos.CsAgent.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.CsAgent.Grpc;

/// <summary>Thin adapter over the desks: validate, call, map. The buyer is always the call identity, never a field.</summary>
public sealed class CsAgentGrpcService(AgentDesk desk, EvidenceDesk evidence) : CsAgentService.CsAgentServiceBase
{
    private const int MaxMessage = 2000;
    private const int MaxIdLength = 128;
    private const int MaxImages = 9;
    private const int MaxImageBytes = 10 * 1024 * 1024;
    private const int MaxImagePixels = 4096;

    public override async Task<AskResponse> Ask(AskRequest request, ServerCallContext context)
    {
        var buyer = context.GetCaller().RequireUser();
        var message = request.Message.Trim();
        if (message.Length == 0) throw new InvalidInputException("message is empty: send the buyer's question");
        if (message.Length > MaxMessage) throw new InvalidInputException($"message has {message.Length} characters; at most {MaxMessage}");
        Ids(("conversation_id", request.ConversationId), ("product_id", request.ProductId), ("order_id", request.OrderId), ("request_id", request.RequestId));
        if (request.LanguageCode is { Length: > 0 } code && !code.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && !code.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException($"language_code {code} is not supported: use zh-CN or en");
        }

        var result = await desk.AskAsync(buyer, new AskInput(request.ConversationId, message, request.ProductId, request.OrderId, request.LanguageCode, request.RequestId), context.CancellationToken);
        var turn = result.AgentTurn;
        var response = new AskResponse
        {
            ConversationId = result.ConversationId, TurnId = turn.TurnId, Reply = turn.Text, Intent = ProtoMapping.ToProto(turn.Intent), Confidence = turn.Confidence,
            Escalated = turn.Escalated,
        };
        response.Sources.AddRange(turn.Sources.Select(ProtoMapping.ToProto));
        response.Actions.AddRange(turn.Actions.Select(ProtoMapping.ToProto));
        if (result.RefundCase is { } rc) response.RefundRequest = ProtoMapping.ToProto(rc);
        return response;
    }

    public override Task<GetConversationResponse> GetConversation(GetConversationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.RequireUser();
        Required("conversation_id", request.ConversationId);
        return Task.FromResult(new GetConversationResponse { Conversation = ProtoMapping.ToProto(desk.GetConversation(caller, request.ConversationId)) });
    }

    public override Task<RequestRefundResponse> RequestRefund(RequestRefundRequest request, ServerCallContext context)
    {
        var buyer = context.GetCaller().RequireUser();
        Required("order_id", request.OrderId);
        Ids(("conversation_id", request.ConversationId), ("request_id", request.RequestId));
        if (request.Reason == RefundReason.Unspecified || !Enum.IsDefined(request.Reason)) throw new InvalidInputException("reason is required (REFUND_REASON_NO_REASON ... REFUND_REASON_OTHER)");
        if (request.ReasonText.Length > 500) throw new InvalidInputException($"reason_text has {request.ReasonText.Length} characters; at most 500");
        var rc = desk.RequestRefund(buyer, request.OrderId, ProtoMapping.FromProto(request.Reason), request.ReasonText, request.RequestId);
        return Task.FromResult(new RequestRefundResponse { RefundRequest = ProtoMapping.ToProto(rc) });
    }

    public override async Task<RespondToOfferResponse> RespondToOffer(RespondToOfferRequest request, ServerCallContext context)
    {
        var buyer = context.GetCaller().RequireUser();
        Required("refund_request_id", request.RefundRequestId);
        Required("offer_id", request.OfferId);
        if (request.Decision == OfferDecision.Unspecified || !Enum.IsDefined(request.Decision)) throw new InvalidInputException("decision must be OFFER_DECISION_ACCEPT or OFFER_DECISION_DECLINE");
        var rc = await desk.RespondToOfferAsync(buyer, request.RefundRequestId, request.OfferId, request.Decision == OfferDecision.Accept, context.CancellationToken);
        return new RespondToOfferResponse { RefundRequest = ProtoMapping.ToProto(rc) };
    }

    public override async Task<SubmitEvidenceResponse> SubmitEvidence(SubmitEvidenceRequest request, ServerCallContext context)
    {
        var buyer = context.GetCaller().RequireUser();
        Required("order_id", request.OrderId);
        Ids(("product_id", request.ProductId), ("refund_request_id", request.RefundRequestId), ("request_id", request.RequestId));
        if (request.Images.Count is 0 or > MaxImages) throw new InvalidInputException($"send 1-{MaxImages} images; got {request.Images.Count}");
        if (request.Description.Length > 1000) throw new InvalidInputException($"description has {request.Description.Length} characters; at most 1000");
        var images = new List<byte[]>();
        for (var i = 0; i < request.Images.Count; i++)
        {
            var bytes = request.Images[i].ToByteArray();
            if (bytes.Length > MaxImageBytes) throw new LimitExceededException($"image {i} has {bytes.Length} bytes; at most {MaxImageBytes}");
            var format = ImageFileInspector.Sniff(bytes);
            if (format != ImageFormat.Unknown && ImageDecoder.PeekSize(bytes, format) is { } size && (size.Width > MaxImagePixels || size.Height > MaxImagePixels))
            {
                throw new LimitExceededException($"image {i} is {size.Width}x{size.Height}; at most {MaxImagePixels}x{MaxImagePixels}");
            }

            images.Add(bytes);
        }

        var record = await evidence.SubmitAsync(buyer, request.OrderId, request.ProductId, images, request.RequestId, context.CancellationToken);
        return ProtoMapping.ToProto(record);
    }

    private static void Required(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidInputException($"{field} is required");
        Ids((field, value));
    }

    private static void Ids(params (string Field, string Value)[] ids)
    {
        foreach (var (field, value) in ids)
        {
            if (value.Length > MaxIdLength) throw new InvalidInputException($"{field} has {value.Length} characters; at most {MaxIdLength}");
        }
    }
}
