using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Projection;
using MassTransit;

namespace Commerce.Reco.Consumers;

/// <summary>ClipPublished: a clip becomes a recommendable item of the short-video feed, with its product's category when it names none. Idempotent: the event id is recorded with the change.</summary>
public sealed class ClipPublishedConsumer(RecoProjection projection) : IConsumer<ClipPublished>
{
    public Task Consume(ConsumeContext<ClipPublished> context)
    {
        var e = context.Message;
        projection.Item(e.EventId.ToString(), EventMapping.Clip(e, e.ProductId is null ? null : projection.Engine.FindItem(e.ProductId)));
        return Task.CompletedTask;
    }
}
