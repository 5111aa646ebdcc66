using Commerce.Clip.Domain;
using Commerce.Clip.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.Clip.Consumers;

/// <summary>Keeps the session's products (title, and the script's lines about each as its selling points) for scoring and titles.</summary>
public sealed class LiveSessionPlannedConsumer(ClipStore store) : IConsumer<LiveSessionPlanned>
{
    public Task Consume(ConsumeContext<LiveSessionPlanned> context)
    {
        var m = context.Message;
        store.ApplyOnce(m.EventId, (c, tx) =>
        {
            foreach (var entry in m.Lineup)
            {
                var points = m.Script.Where(l => l.ProductId == entry.ProductId).Select(l => l.Text).ToList();
                ClipStore.PutProduct(c, tx, m.SessionId, new ProductInfo(entry.ProductId, entry.Title, points));
            }
        });
        return Task.CompletedTask;
    }
}
