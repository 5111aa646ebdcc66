using Commerce.IntegrationEvents.V1;
using Commerce.TryOn.Storage;
using MassTransit;

namespace Commerce.TryOn.Consumers;

/// <summary>A new listing's size chart, for RecommendSize by product id. A listing starts at version 1.</summary>
public sealed class ProductListedConsumer(ProductChartStore charts) : IConsumer<ProductListed>
{
    public Task Consume(ConsumeContext<ProductListed> context)
    {
        var e = context.Message;
        charts.Apply(e.EventId, e.Product.ProductId, 1, e.Product.SizeChart);
        return Task.CompletedTask;
    }
}
