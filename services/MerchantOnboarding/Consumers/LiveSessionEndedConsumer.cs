using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Storage;
using MassTransit;

namespace Commerce.Onboarding.Consumers;

/// <summary>Live minutes of the day the live ended (a live crossing midnight counts wholly on its last day).</summary>
public sealed class LiveSessionEndedConsumer(ReportStore reports) : IConsumer<LiveSessionEnded>
{
    public Task Consume(ConsumeContext<LiveSessionEnded> context)
    {
        var e = context.Message;
        reports.Process(nameof(LiveSessionEndedConsumer), e.EventId,
            (c, tx) => ReportStore.AddLiveSeconds(c, tx, e.MerchantId, ReportDay.Of(e.OccurredAt), Math.Max(0, e.DurationSeconds)));
        return Task.CompletedTask;
    }
}
