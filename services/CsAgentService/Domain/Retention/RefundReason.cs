namespace Commerce.CsAgent.Domain.Retention;

public enum RefundReason
{
    NoReason,
    QualityIssue,
    NotAsDescribed,
    WrongItem,
    SizeFit,
    LateDelivery,
    PriceDrop,
    Other,
}
