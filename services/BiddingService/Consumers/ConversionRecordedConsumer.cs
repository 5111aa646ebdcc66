using Commerce.Bidding.Domain;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Bidding.Consumers;

/// <summary>An ad-driven order: counted once per event id in the campaign's delivery, and fed to its pacer's goal check.</summary>
public sealed class ConversionRecordedConsumer(CampaignBook book) : IConsumer<ConversionRecorded>
{
    public Task Consume(ConsumeContext<ConversionRecorded> context)
    {
        book.RecordConversion(context.Message);
        return Task.CompletedTask;
    }
}
