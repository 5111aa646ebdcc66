using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.CsAgent.Consumers;

/// <summary>A changed listing replaces its facts, unless a newer version is already held (out-of-order delivery).</summary>
public sealed class ProductUpdatedConsumer(CsAgentDatabase db, KnowledgeSourceStore sources, KnowledgeBase knowledge) : IConsumer<ProductUpdated>
{
    public Task Consume(ConsumeContext<ProductUpdated> context)
    {
        if (!db.TryMarkProcessed(context.Message.EventId)) return Task.CompletedTask;
        if (sources.SaveProduct(context.Message.Product, context.Message.Version)) knowledge.UpsertProduct(context.Message.Product, context.Message.Version);
        return Task.CompletedTask;
    }
}
