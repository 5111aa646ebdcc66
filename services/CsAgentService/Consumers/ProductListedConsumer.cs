using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.CsAgent.Consumers;

/// <summary>A new listing: its detail-page facts enter the knowledge base (version 0).</summary>
public sealed class ProductListedConsumer(CsAgentDatabase db, KnowledgeSourceStore sources, KnowledgeBase knowledge) : IConsumer<ProductListed>
{
    public Task Consume(ConsumeContext<ProductListed> context)
    {
        if (!db.TryMarkProcessed(context.Message.EventId)) return Task.CompletedTask;
        if (sources.SaveProduct(context.Message.Product, 0)) knowledge.UpsertProduct(context.Message.Product, 0);
        return Task.CompletedTask;
    }
}
