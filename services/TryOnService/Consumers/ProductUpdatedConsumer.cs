using Commerce.IntegrationEvents.V1;
using Commerce.TryOn.Storage;
using MassTransit;

namespace Commerce.TryOn.Consumers;

/// <summary>A changed listing's size chart; older versions than the one held are ignored.</summary>
public sealed class ProductUpdatedConsumer(ProductChartStore charts) : IConsumer<ProductUpdated>
{
    public Task Consume(ConsumeContext<ProductUpdated> context)
    {
        var e = context.Message;
        charts.Apply(e.EventId, e.Product.ProductId, e.Version, e.Product.SizeChart);
        return Task.CompletedTask;
    }
}
