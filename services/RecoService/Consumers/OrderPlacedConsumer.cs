using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Domain;
using Commerce.Reco.Projection;
using MassTransit;

namespace Commerce.Reco.Consumers;

/// <summary>
/// OrderPlaced: the authoritative purchase (a client's purchase interaction is only a hint). An order with a live
/// session id was placed in a live room; this is what carries a live purchase into the mall feed.
/// </summary>
public sealed class OrderPlacedConsumer(RecoProjection projection) : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var e = context.Message;
        var scenario = e.SessionId is null ? Scenario.Mall : Scenario.Live;
        projection.Interaction(new Interaction(e.EventId.ToString(), e.BuyerId, e.ProductId, InteractionAction.Purchase, scenario, e.OccurredAt));
        return Task.CompletedTask;
    }
}
