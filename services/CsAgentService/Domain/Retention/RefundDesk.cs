using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Retention;

/// <summary>
/// Opens refund requests with their retention offer and applies the buyer's answer. Declining always refunds: the offer
/// is a question, never a gate, so no statutory return is ever refused. Accepting emits RefundRetained.
/// </summary>
public sealed class RefundDesk(IOrderBook orders, IRefundCaseStore cases, KnowledgeBase knowledge, RetentionPolicy policy, TimeProvider time)
{
    public RefundCase Open(OrderRecord order, RefundReason reason, string reasonText)
    {
        var open = cases.ForOrder(order.OrderId).FirstOrDefault(c => c.State is RefundCaseState.OfferPending or RefundCaseState.RefundProcessing);
        if (open is not null) return open;

        var now = time.GetUtcNow();
        var product = knowledge.Product(order.ProductId);
        var decision = policy.Decide(order, reason, reasonText, product?.Price, product is { SizeChart.Count: > 0 }, now, NewId);
        var refundCase = new RefundCase
        {
            RefundRequestId = NewId(),
            OrderId = order.OrderId,
            BuyerId = order.BuyerId,
            MerchantId = order.MerchantId,
            Reason = reason,
            ReasonText = reasonText.Length > 500 ? reasonText[..500] : reasonText,
            State = decision.Offer is null ? RefundCaseState.RefundProcessing : RefundCaseState.OfferPending,
            Offer = decision.Offer,
            RefundAmount = order.Amount,
            Currency = order.Currency,
            Statutory = decision.Statutory,
            Rationale = decision.Rationale,
            CreatedAt = now,
        };
        cases.Save(refundCase);
        if (decision.Offer is null) StartReturn(order);
        return refundCase;
    }

    /// <summary>Applies accept or decline; the event list holds RefundRetained when the order was kept.</summary>
    public (RefundCase Case, IReadOnlyList<IntegrationEvent> Events) Respond(RefundCase refundCase, string offerId, bool accept)
    {
        if (refundCase.State != RefundCaseState.OfferPending || refundCase.Offer is null || refundCase.Offer.OfferId != offerId)
        {
            throw new Commerce.ServiceDefaults.Errors.PreconditionFailedException(
                $"offer {offerId} is not the pending offer of refund request {refundCase.RefundRequestId} (state {refundCase.State})");
        }

        var order = orders.Find(refundCase.OrderId) ?? throw new Commerce.ServiceDefaults.Errors.NotFoundException($"order {refundCase.OrderId} not found");
        var expired = time.GetUtcNow() > refundCase.Offer.ExpiresAt;
        if (accept && !expired)
        {
            var kept = refundCase with { State = RefundCaseState.Retained, RefundAmount = refundCase.Offer.Kind is OfferKind.PartialRefund or OfferKind.PriceProtection ? refundCase.Offer.BuyerValue : 0 };
            cases.Save(kept);
            var retained = new RefundRetained
            {
                OrderId = order.OrderId,
                BuyerId = order.BuyerId,
                MerchantId = order.MerchantId,
                Offer = refundCase.Offer.Kind.ToString(),
                OfferCost = refundCase.Offer.Cost,
            };
            return (kept, [retained]);
        }

        var refunding = refundCase with { State = RefundCaseState.RefundProcessing };
        cases.Save(refunding);
        StartReturn(order);
        return (refunding, []);
    }

    private void StartReturn(OrderRecord order)
    {
        // Not shipped yet: cancelling is the refund. Otherwise the goods come back first.
        orders.Save(order with { State = order.State == FulfilmentState.Placed ? FulfilmentState.Refunded : FulfilmentState.ReturnStarted });
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
