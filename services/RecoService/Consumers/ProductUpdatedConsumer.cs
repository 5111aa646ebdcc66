using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Projection;
using MassTransit;

namespace Commerce.Reco.Consumers;

/// <summary>ProductUpdated: a change replaces the listing unless its Version is older than the one held (stale updates change nothing). Idempotent: the event id is recorded with the change.</summary>
public sealed class ProductUpdatedConsumer(RecoProjection projection) : IConsumer<ProductUpdated>
{
    public Task Consume(ConsumeContext<ProductUpdated> context)
    {
        var e = context.Message;
        projection.Item(e.EventId.ToString(), EventMapping.Product(e.Product, e.OccurredAt, e.Version));
        return Task.CompletedTask;
    }
}
