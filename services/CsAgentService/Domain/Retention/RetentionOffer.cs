namespace Commerce.CsAgent.Domain.Retention;

public enum OfferKind
{
    PartialRefund,
    Coupon,
    Exchange,
    FasterShipping,
    PriceProtection,
}

/// <summary>
/// An offer that may keep an order. <see cref="BuyerValue"/> is what the buyer is told (the coupon's face value);
/// <see cref="Cost"/> is what it costs the merchant (shipping for an exchange, the money for a partial refund).
/// </summary>
public sealed record RetentionOffer(string OfferId, OfferKind Kind, decimal BuyerValue, decimal Cost, string DescriptionEn, string DescriptionZh, DateTimeOffset ExpiresAt);
