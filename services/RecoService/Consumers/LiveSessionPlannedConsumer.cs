using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Projection;
using MassTransit;

namespace Commerce.Reco.Consumers;

/// <summary>LiveSessionPlanned: a planned live makes its room an item of the live feed, categorised by its first lineup product. Idempotent: the event id is recorded with the change.</summary>
public sealed class LiveSessionPlannedConsumer(RecoProjection projection) : IConsumer<LiveSessionPlanned>
{
    public Task Consume(ConsumeContext<LiveSessionPlanned> context)
    {
        var e = context.Message;
        projection.Item(e.EventId.ToString(), EventMapping.LiveRoom(e, projection.Engine.FindItem));
        return Task.CompletedTask;
    }
}
