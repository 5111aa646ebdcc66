using Commerce.Bidding.Domain;
using Commerce.Bidding.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Bidding.Consumers;

/// <summary>A planned live names the merchant's live room: eligible for its traffic-reward exposures (idempotent).</summary>
public sealed class LiveSessionPlannedConsumer(RewardLedger rewards) : IConsumer<LiveSessionPlanned>
{
    public Task Consume(ConsumeContext<LiveSessionPlanned> context)
    {
        rewards.RegisterTarget(PromotedKind.LiveRoom, context.Message.RoomId, context.Message.MerchantId);
        return Task.CompletedTask;
    }
}
