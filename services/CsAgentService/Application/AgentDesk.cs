using Commerce.CsAgent.Domain.Agent;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.CsAgent.Domain.Retention;
using Commerce.CsAgent.Storage;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.CsAgent.Application;

/// <summary>
/// One buyer request end to end: load the conversation, let the agent answer, phrase, store the turns, then publish the
/// events. Storing before publishing means a crash between the two loses an event rather than inventing one; the
/// request id makes the client's retry return the stored turn without acting again.
/// </summary>
public sealed class AgentDesk(CustomerServiceAgent agent, ConversationStore conversations, SqliteRefundCaseStore cases, RefundDesk refunds,
    OrderAccess access, IReplyPhraser phraser, IAgentEventPublisher events, TimeProvider time)
{
    public async Task<AskResult> AskAsync(string buyerId, AskInput input, CancellationToken cancellationToken)
    {
        if (input.RequestId is { Length: > 0 } rid && conversations.ForClientRequest(buyerId, rid) is { } seen)
        {
            var stored = conversations.Find(seen.ConversationId)!;
            var turn = stored.Turns.First(t => t.TurnId == seen.TurnId);
            return new AskResult(stored.ConversationId, turn, turn.RefundRequestId is { } r ? cases.Find(r) : null);
        }

        var now = time.GetUtcNow();
        Conversation conversation;
        if (string.IsNullOrEmpty(input.ConversationId))
        {
            conversation = new Conversation { ConversationId = NewId(), BuyerId = buyerId, CreatedAt = now, ProductId = Empty(input.ProductId), OrderId = null };
        }
        else
        {
            conversation = conversations.Find(input.ConversationId) is { } c && c.BuyerId == buyerId
                ? c
                : throw new NotFoundException($"conversation {input.ConversationId} not found among yours");
        }

        conversation.Turns.Add(new Turn { TurnId = NewId(), Speaker = Speaker.Buyer, Text = input.Message, At = now });
        var reply = agent.Respond(conversation, input.Message, Empty(input.ProductId), Empty(input.OrderId), Empty(input.LanguageCode));
        var language = TextLanguage.FromCode(input.LanguageCode) ?? TextLanguage.Detect(input.Message);
        var text = await phraser.PhraseAsync(reply, language, cancellationToken);
        var agentTurn = new Turn
        {
            TurnId = NewId(), Speaker = Speaker.Agent, Text = text, Intent = reply.Intent, Confidence = Math.Round(reply.Confidence, 3),
            Sources = reply.Sources, Actions = reply.Actions, Escalated = reply.Escalated, RefundRequestId = reply.RefundCase?.RefundRequestId,
            RequestId = Empty(input.RequestId), At = time.GetUtcNow(),
        };
        conversation.Turns.Add(agentTurn);
        conversation.UpdatedAt = agentTurn.At;
        conversations.Save(conversation, Empty(input.RequestId), agentTurn.TurnId);
        foreach (var e in reply.Events) await events.PublishAsync(e, cancellationToken);
        return new AskResult(conversation.ConversationId, agentTurn, reply.RefundCase);
    }

    public Conversation GetConversation(Commerce.ServiceDefaults.Identity.Caller caller, string conversationId)
    {
        var c = conversations.Find(conversationId);
        if (c is null || (!caller.IsOperator && c.BuyerId != caller.UserId)) throw new NotFoundException($"conversation {conversationId} not found");
        return c;
    }

    public RefundCase RequestRefund(string buyerId, string orderId, RefundReason reason, string reasonText, string? requestId)
    {
        if (requestId is { Length: > 0 } && cases.ForClientRequest(buyerId, requestId) is { } known && cases.Find(known) is { } existing) return existing;
        var (result, order) = access.ForBuyer(buyerId, orderId, nameof(ActionType.StartReturn), reasonText);
        if (result != OrderAccessResult.Granted) throw new NotFoundException($"order {orderId} not found among yours");
        var refundCase = refunds.Open(order!, reason, reasonText);
        if (requestId is { Length: > 0 }) cases.RememberClientRequest(buyerId, requestId, refundCase.RefundRequestId);
        return refundCase;
    }

    public async Task<RefundCase> RespondToOfferAsync(string buyerId, string refundRequestId, string offerId, bool accept, CancellationToken cancellationToken)
    {
        var refundCase = cases.Find(refundRequestId);
        if (refundCase is null || refundCase.BuyerId != buyerId) throw new NotFoundException($"refund request {refundRequestId} not found among yours");
        var (after, published) = refunds.Respond(refundCase, offerId, accept);
        foreach (var e in published) await events.PublishAsync(e, cancellationToken);
        return after;
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
