using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Domain;
using Commerce.Reco.Projection;
using MassTransit;

namespace Commerce.Reco.Consumers;

/// <summary>TryOnCompleted: a virtual try-on is a high-intent interaction with the product, in the mall.</summary>
public sealed class TryOnCompletedConsumer(RecoProjection projection) : IConsumer<TryOnCompleted>
{
    public Task Consume(ConsumeContext<TryOnCompleted> context)
    {
        var e = context.Message;
        projection.Interaction(new Interaction(e.EventId.ToString(), e.UserId, e.ProductId, InteractionAction.TryOn, Scenario.Mall, e.OccurredAt));
        return Task.CompletedTask;
    }
}
