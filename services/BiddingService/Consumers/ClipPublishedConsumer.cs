using Commerce.Bidding.Domain;
using Commerce.Bidding.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Bidding.Consumers;

/// <summary>A new short video of a merchant: eligible for its traffic-reward exposures (registering is idempotent).</summary>
public sealed class ClipPublishedConsumer(RewardLedger rewards) : IConsumer<ClipPublished>
{
    public Task Consume(ConsumeContext<ClipPublished> context)
    {
        rewards.RegisterTarget(PromotedKind.Video, context.Message.ClipId, context.Message.MerchantId);
        return Task.CompletedTask;
    }
}
