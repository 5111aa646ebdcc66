using Commerce.IntegrationEvents.V1;
using Commerce.Reco.Domain;
using Commerce.Reco.Projection;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Commerce.Reco.Consumers;

/// <summary>UserInteracted: the buyer's profile, the item's popularity and the co-interaction sets change at once.</summary>
public sealed class UserInteractedConsumer(RecoProjection projection, ILogger<UserInteractedConsumer> logger) : IConsumer<UserInteracted>
{
    public Task Consume(ConsumeContext<UserInteracted> context)
    {
        var e = context.Message;
        if (!InteractionActions.TryParse(e.Action, out var action) || !Scenarios.TryParse(e.Scenario, out var scenario))
        {
            // A malformed event cannot become valid by retrying; it is logged and dropped rather than poisoning the queue.
            logger.LogWarning("UserInteracted {EventId} ignored: action {Action} or scenario {Scenario} unknown", e.EventId, e.Action, e.Scenario);
            return Task.CompletedTask;
        }

        projection.Interaction(new Interaction(e.EventId.ToString(), e.UserId, e.ItemId, action, scenario, e.OccurredAt, e.WatchSeconds));
        return Task.CompletedTask;
    }
}
