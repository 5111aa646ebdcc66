using Commerce.Protos.Reco.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Fleet.Tests;

public sealed class EventsOverTheBrokerTests
{
    [Test]
    public async Task A_product_listed_in_onboarding_reaches_recommendations_through_the_real_broker()
    {
        var merchant = await FleetMerchant.OpenTrialStoreAsync($"Broker Stall {Guid.NewGuid():N}"[..24]);
        var title = $"Embroidered linen midi dress {Guid.NewGuid():N}"[..40];
        var listed = await merchant.ListProductAsync(title, "Women's Clothing", "Dresses", "Midi Dresses");
        using var channel = FleetUnderTest.GatewayChannel();

        // ProductListed leaves MerchantOnboarding's outbox, crosses RabbitMQ and is indexed by RecoService.
        var reco = new RecoService.RecoServiceClient(channel);
        var buyer = new Metadata { { "authorization", "Bearer " + FleetUnderTest.Tokens.Mint($"buyer-{Guid.NewGuid():N}", CallerRole.Buyer) } };
        var recommended = await Eventually.ThatAsync(async () =>
        {
            var answer = await reco.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 100 }, buyer);
            return answer.Items.FirstOrDefault(i => i.ItemId == listed.ProductId);
        }, TimeSpan.FromSeconds(60), "the new product is recommended");

        Assert.That(recommended.Title, Is.EqualTo(title));
        Assert.That(recommended.MerchantId, Is.EqualTo(merchant.MerchantId));
    }
}
