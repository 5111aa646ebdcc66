using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Storage;
using MassTransit;

namespace Commerce.Onboarding.Consumers;

public sealed class ClipPublishedConsumer(ReportStore reports) : IConsumer<ClipPublished>
{
    public Task Consume(ConsumeContext<ClipPublished> context)
    {
        var e = context.Message;
        reports.Process(nameof(ClipPublishedConsumer), e.EventId, (c, tx) => ReportStore.AddClip(c, tx, e.MerchantId, ReportDay.Of(e.OccurredAt)));
        return Task.CompletedTask;
    }
}
