namespace Commerce.CsAgent.Domain.Intents;

public enum BuyerIntent
{
    ProductFact,
    SizeAdvice,
    OrderStatus,
    Shipping,
    ReturnPolicy,
    RefundRequest,
    Complaint,
    ChitChat,
    OutOfScope,
}
