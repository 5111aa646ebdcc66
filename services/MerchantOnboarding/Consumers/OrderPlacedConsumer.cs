using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Storage;
using MassTransit;

namespace Commerce.Onboarding.Consumers;

/// <summary>An order counts in the merchant's daily report and, in the same transaction, towards its trial store's activation.</summary>
public sealed class OrderPlacedConsumer(ReportStore reports, OnboardingSagaStore saga, Outbox outbox) : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context)
    {
        var e = context.Message;
        var processed = reports.Process(nameof(OrderPlacedConsumer), e.EventId, (connection, tx) =>
        {
            ReportStore.AddOrder(connection, tx, e.MerchantId, ReportDay.Of(e.OccurredAt), e.ProductId, e.Amount);
            saga.RecordOrder(connection, tx, e.MerchantId, e.Amount, e.OccurredAt);
        });
        if (processed) outbox.Wake();
        return Task.CompletedTask;
    }
}
