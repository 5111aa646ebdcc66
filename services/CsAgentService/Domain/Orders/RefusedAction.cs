namespace Commerce.CsAgent.Domain.Orders;

/// <summary>A tool action refused because the order is not the caller's: kept for the trust and safety team.</summary>
public sealed record RefusedAction(string BuyerId, string OrderId, string Action, string Message, DateTimeOffset At);

public interface IRefusedActionLog
{
    void Record(RefusedAction action);

    IReadOnlyList<RefusedAction> ForBuyer(string buyerId);
}
