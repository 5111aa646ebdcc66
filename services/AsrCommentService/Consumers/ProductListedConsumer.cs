using Commerce.Asr.Domain.Sessions;
using Commerce.Asr.Live;
using Commerce.Asr.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Asr.Consumers;

/// <summary>A listed product's words: its title (and Chinese title), attributes, selling points and sizes.</summary>
public sealed class ProductListedConsumer(AsrStore store, SessionCatalog sessions) : IConsumer<ProductListed>
{
    public Task Consume(ConsumeContext<ProductListed> context)
    {
        var p = context.Message.Product;
        var facts = new ProductFacts
        {
            ProductId = p.ProductId, Title = p.Title, TitleZh = p.TitleZh, Attributes = p.Attributes, SellingPoints = p.SellingPoints,
            Sizes = p.SizeChart.Select(r => r.Size).ToList(),
        };
        if (store.ApplyOnce(context.Message.EventId, (c, tx) => AsrStore.UpsertProduct(c, tx, facts))) sessions.Invalidate();
        return Task.CompletedTask;
    }
}
