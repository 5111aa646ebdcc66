using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Reco.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Fleet.Tests;

/// <summary>
/// A message no handler can process (a ProductListed without its product) is retried, then moved to the consumer's
/// error queue, never acknowledged as handled; and the consumer goes on with the messages behind it.
/// </summary>
public sealed class PoisonMessageTests
{
    // MassTransit's kebab-case endpoint of RecoService's ProductListedConsumer, prefixed with the service name.
    private const string RecoErrorQueue = "reco-product-listed_error";

    [Test]
    public async Task A_poison_product_listed_lands_in_recos_error_queue_and_the_next_listing_is_still_indexed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var errors = await BrokerTap<ProductListed>.DrainAsync(RecoErrorQueue, timeout.Token);
        await using var bus = await BrokerPublisher.StartAsync(timeout.Token);
        var poison = new ProductListed { Product = null! };

        await bus.PublishAsync(poison, timeout.Token);
        var merchant = await FleetMerchant.OpenTrialStoreAsync($"Poison Stall {Guid.NewGuid():N}"[..24]);
        var listed = await merchant.ListProductAsync($"Silk scarf after poison {Guid.NewGuid():N}"[..32], "Shoes & Bags", "Accessories", "Belts");

        using var channel = FleetUnderTest.GatewayChannel();
        var reco = new RecoService.RecoServiceClient(channel);
        var buyer = new Metadata { { "authorization", "Bearer " + FleetUnderTest.Tokens.Mint($"buyer-{Guid.NewGuid():N}", CallerRole.Buyer) } };
        await Eventually.ThatAsync(async () =>
        {
            var answer = await reco.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 100 }, buyer);
            return answer.Items.FirstOrDefault(i => i.ItemId == listed.ProductId);
        }, TimeSpan.FromSeconds(60), "the listing published after the poison is indexed");
        var dead = await Eventually.ThatAsync(
            () => Task.FromResult(errors.Received.Select(r => r.Message).FirstOrDefault(m => m.EventId == poison.EventId)),
            TimeSpan.FromSeconds(60), "the poison message reaches reco's error queue after its retries");

        Assert.That(dead.Product, Is.Null);
    }
}
