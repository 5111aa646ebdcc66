namespace Commerce.CsAgent.Domain.Orders;

/// <summary>The order projection. Reads by buyer are the only reads the agent's tools make (see <see cref="OrderAccess"/>).</summary>
public interface IOrderBook
{
    OrderRecord? Find(string orderId);

    IReadOnlyList<OrderRecord> ForBuyer(string buyerId);

    /// <summary>Inserts or replaces the order (the projection's writer).</summary>
    void Save(OrderRecord order);
}
