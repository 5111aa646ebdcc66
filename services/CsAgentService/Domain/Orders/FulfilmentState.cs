namespace Commerce.CsAgent.Domain.Orders;

public enum FulfilmentState
{
    Placed,
    Shipped,
    Delivered,
    ReturnStarted,
    Refunded,
}
