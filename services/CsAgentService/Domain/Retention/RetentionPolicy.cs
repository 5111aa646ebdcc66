using Commerce.CsAgent.Domain.Orders;

namespace Commerce.CsAgent.Domain.Retention;

/// <summary>What the policy decided: an offer (or none: the refund just proceeds), and why.</summary>
public sealed record RetentionDecision(RetentionOffer? Offer, bool Statutory, string Rationale);

/// <summary>
/// Chooses at most one retention offer for a refund request, from the order's fulfilment state, the reason, the
/// discounts already used and the product's current price. The offer fixes what made the buyer unhappy (a size that
/// does not fit is an exchange, a price drop is the difference, a late parcel is faster shipping) rather than paying
/// everyone the same coupon. Whatever it offers, the refund is never blocked: a statutory 7-day no-reason return after
/// delivery, or any order not yet shipped, is refunded as soon as the buyer declines, and a buyer who says they just want
/// their money back under the statutory right gets no offer at all.
/// </summary>
public sealed class RetentionPolicy
{
    public static readonly TimeSpan StatutoryWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan PriceProtectionWindow = TimeSpan.FromDays(30);
    public static readonly TimeSpan OfferLifetime = TimeSpan.FromHours(48);

    /// <summary>Cost to the merchant of one extra courier leg (return pickup or expedited upgrade), CNY.</summary>
    public const decimal CourierLeg = 12m;

    /// <summary>Coupons are redeemed by about half of buyers and only on a later purchase with margin: counted at 50 %.</summary>
    public const decimal CouponCostShare = 0.5m;

    public static bool IsStatutory(OrderRecord order, DateTimeOffset now) =>
        order.State == FulfilmentState.Delivered && order.DeliveredAt is { } d && now - d <= StatutoryWindow;

    public RetentionDecision Decide(OrderRecord order, RefundReason reason, string reasonText, decimal? currentUnitPrice, bool hasSizeChart,
        DateTimeOffset now, Func<string> newId)
    {
        var statutory = IsStatutory(order, now);
        var amount = order.Amount;
        var heavilyDiscounted = order.DiscountUsed > 0 && order.DiscountUsed >= 0.3m * (amount + order.DiscountUsed);
        RetentionOffer Offer(OfferKind kind, decimal value, decimal cost, string en, string zh) =>
            new(newId(), kind, Round(value), Round(cost), en, zh, now + OfferLifetime);

        if (order.State is FulfilmentState.ReturnStarted or FulfilmentState.Refunded)
        {
            return new RetentionDecision(null, statutory, "a return or refund is already under way");
        }

        switch (reason)
        {
            case RefundReason.PriceDrop when currentUnitPrice is { } now_ && now_ < order.UnitPricePaid && now - order.PlacedAt <= PriceProtectionWindow:
            {
                var diff = (order.UnitPricePaid - now_) * order.Quantity;
                return new RetentionDecision(Offer(OfferKind.PriceProtection, diff, diff,
                    $"We refund the price difference of {Round(diff)} {order.Currency} and you keep the order.",
                    $"退还差价{Round(diff)}元，订单保留。"), statutory, "price dropped within 30 days: price protection");
            }
            case RefundReason.PriceDrop:
                return new RetentionDecision(null, statutory, "no price drop on record: the refund proceeds");
            case RefundReason.LateDelivery when order.State is FulfilmentState.Placed or FulfilmentState.Shipped:
                return new RetentionDecision(Offer(OfferKind.FasterShipping, 0, CourierLeg,
                    "We upgrade your parcel to express delivery at no cost.", "免费为您升级为加急快递。"), statutory, "not delivered yet: expedite");
            case RefundReason.SizeFit when hasSizeChart && order.State == FulfilmentState.Delivered:
            case RefundReason.WrongItem when order.State == FulfilmentState.Delivered:
                return new RetentionDecision(Offer(OfferKind.Exchange, 0, 2 * CourierLeg,
                    reason == RefundReason.WrongItem ? "We send the right item and collect the wrong one free of charge." : "We exchange it for another size; pickup and delivery are free.",
                    reason == RefundReason.WrongItem ? "免费补发正确商品并上门取回错发商品。" : "免费换其他尺码，上门取件。"),
                    statutory, reason == RefundReason.WrongItem ? "wrong item: exchange" : "does not fit: exchange for another size");
            case RefundReason.QualityIssue or RefundReason.NotAsDescribed when order.State == FulfilmentState.Delivered:
            {
                // A buyer who already paid a discounted price values cash less than one who paid full: a coupon then.
                if (heavilyDiscounted)
                {
                    var face = Math.Min(0.3m * amount, 150m);
                    return new RetentionDecision(Offer(OfferKind.Coupon, face, face * CouponCostShare,
                        $"Keep the item and take a {Round(face)} {order.Currency} coupon.", $"商品保留，送您{Round(face)}元优惠券。"),
                        statutory, "defect on a heavily discounted order: coupon");
                }

                var part = Math.Min(0.2m * amount, 100m);
                return new RetentionDecision(Offer(OfferKind.PartialRefund, part, part,
                    $"Keep the item and we refund {Round(part)} {order.Currency} now.", $"商品保留，立即退您{Round(part)}元。"), statutory, "defect: partial refund");
            }
            case RefundReason.NoReason when statutory:
                return new RetentionDecision(null, statutory, "statutory no-reason return: honoured without an offer");
            case RefundReason.NoReason when order.State == FulfilmentState.Placed:
                // Cancelling an order that has not shipped costs nothing; an offer there is only friction.
                return new RetentionDecision(null, statutory, "not shipped, no reason: cancelled without an offer");
            case RefundReason.NoReason or RefundReason.Other when amount >= 80m:
            {
                var face = Math.Min(0.15m * amount, 60m);
                return new RetentionDecision(Offer(OfferKind.Coupon, face, face * CouponCostShare,
                    $"If you keep it, here is a {Round(face)} {order.Currency} coupon for your next order.", $"如果保留订单，送您{Round(face)}元无门槛券。"),
                    statutory, "no specific reason on a larger order: coupon");
            }
            default:
                return new RetentionDecision(null, statutory, "no offer fits: the refund proceeds");
        }
    }

    private static decimal Round(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
}
