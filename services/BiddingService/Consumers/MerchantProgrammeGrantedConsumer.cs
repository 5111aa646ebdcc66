using Commerce.Bidding.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Bidding.Consumers;

/// <summary>A traffic-reward programme from onboarding: the merchant's reward exposures are spent (enabled) until it ends.</summary>
public sealed class MerchantProgrammeGrantedConsumer(RewardLedger rewards) : IConsumer<MerchantProgrammeGranted>
{
    public Task Consume(ConsumeContext<MerchantProgrammeGranted> context)
    {
        var e = context.Message;
        // Onboarding names it PROGRAMME_TRAFFIC_REWARDS in its proto; accept the usual spellings of that name.
        var name = new string(e.Programme.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        if (name.EndsWith("TRAFFICREWARDS", StringComparison.Ordinal) || name.EndsWith("TRAFFICREWARD", StringComparison.Ordinal))
        {
            // Granting is idempotent (the later end time wins), so a redelivered event changes nothing twice.
            rewards.Grant(e.MerchantId, e.ValidUntil, e.OccurredAt);
        }

        return Task.CompletedTask;
    }
}
