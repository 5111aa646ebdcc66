using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Projection;
using MassTransit;

namespace Commerce.Reco.Consumers;

/// <summary>ProductListed: a new listing enters the catalog (and the fresh channel) at once. Idempotent: the event id is recorded with the change.</summary>
public sealed class ProductListedConsumer(RecoProjection projection) : IConsumer<ProductListed>
{
    public Task Consume(ConsumeContext<ProductListed> context)
    {
        var e = context.Message;
        projection.Item(e.EventId.ToString(), EventMapping.Product(e.Product, e.OccurredAt, 0));
        return Task.CompletedTask;
    }
}
