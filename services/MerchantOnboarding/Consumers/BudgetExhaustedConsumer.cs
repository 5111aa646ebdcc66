using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Storage;
using MassTransit;

namespace Commerce.Onboarding.Consumers;

/// <summary>
/// Ad spend, from the only spend figure the fleet publishes: a campaign's spend when its daily budget runs out. Campaigns
/// that end a day under budget publish nothing, so the report's ad spend is a lower bound.
/// </summary>
public sealed class BudgetExhaustedConsumer(ReportStore reports) : IConsumer<BudgetExhausted>
{
    public Task Consume(ConsumeContext<BudgetExhausted> context)
    {
        var e = context.Message;
        reports.Process(nameof(BudgetExhaustedConsumer), e.EventId,
            (c, tx) => ReportStore.AddAdSpend(c, tx, e.MerchantId, ReportStore.Iso(e.Day), e.Spent));
        return Task.CompletedTask;
    }
}
