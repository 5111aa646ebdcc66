using Commerce.CsAgent.Domain.Orders;
using Commerce.CsAgent.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.CsAgent.Consumers;

/// <summary>
/// The order projection's source. Fulfilment (shipped, delivered) has no integration event yet, so the projection
/// starts every order at Placed and the service's own refund flow moves it on; see the README.
/// </summary>
public sealed class OrderPlacedConsumer(CsAgentDatabase db, SqliteOrderBook orders) : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var m = context.Message;
        if (!db.TryMarkProcessed(m.EventId)) return Task.CompletedTask;
        if (orders.Find(m.OrderId) is not null) return Task.CompletedTask;
        orders.Save(new OrderRecord
        {
            OrderId = m.OrderId, BuyerId = m.BuyerId, MerchantId = m.MerchantId, ProductId = m.ProductId, Quantity = m.Quantity,
            Amount = m.Amount, Currency = m.Currency, PlacedAt = m.OccurredAt,
        });
        return Task.CompletedTask;
    }
}
