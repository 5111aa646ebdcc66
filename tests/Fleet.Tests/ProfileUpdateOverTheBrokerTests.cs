using System.Diagnostics;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Reco.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Fleet.Tests;

/// <summary>
/// A buyer's action in the app reaches RecoService as UserInteracted over the real broker, and the buyer's next request
/// sees the new profile. The test asserts the profile changes for every buyer; the delay it prints (publish to first
/// visible answer, polled) is the figure RecoService's README records against the 1 s.
/// </summary>
public sealed class ProfileUpdateOverTheBrokerTests
{
    private const int Buyers = 10;

    [Test]
    public async Task A_purchase_published_on_the_broker_shows_in_the_buyers_interests()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var merchant = await FleetMerchant.OpenTrialStoreAsync($"Profile Stall {Guid.NewGuid():N}"[..24]);
        var listed = await merchant.ListProductAsync($"Woven leather belt {Guid.NewGuid():N}"[..30], "Shoes & Bags", "Accessories", "Belts");
        using var channel = FleetUnderTest.GatewayChannel();
        var reco = new RecoService.RecoServiceClient(channel);
        var anyone = BuyerHeaders($"browser-{Guid.NewGuid():N}");
        await Eventually.ThatAsync(async () =>
        {
            var answer = await reco.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = Scenario.Mall, Count = 100 }, anyone);
            return answer.Items.FirstOrDefault(i => i.ItemId == listed.ProductId);
        }, TimeSpan.FromSeconds(60), "RecoService knows the new product");

        await using var bus = await BrokerPublisher.StartAsync(timeout.Token);
        var delays = new List<double>();
        for (var i = 0; i < Buyers; i++)
        {
            var buyerId = $"profile-buyer-{Guid.NewGuid():N}";
            var headers = BuyerHeaders(buyerId);
            var clock = Stopwatch.StartNew();
            await bus.PublishAsync(new UserInteracted
            {
                UserId = buyerId, ItemId = listed.ProductId, ItemKind = "product", Action = "purchase", Scenario = "LIVE",
            }, timeout.Token);
            // Polled every 10 ms (not Eventually's back-off) so the delay measured is not the poll interval.
            GetUserInterestsResponse interests;
            while ((interests = await reco.GetUserInterestsAsync(new GetUserInterestsRequest { Count = 20 }, headers, cancellationToken: timeout.Token)).Categories.Count == 0)
            {
                await Task.Delay(10, timeout.Token);
            }

            delays.Add(clock.Elapsed.TotalMilliseconds);
            Assert.That(interests.Categories.Select(c => string.Join(" > ", c.Category.Levels)), Has.Some.Contains("belts").IgnoreCase);
        }

        delays.Sort();
        TestContext.Out.WriteLine($"profile update: UserInteracted published -> visible in GetUserInterests through the gateway, {Buyers} buyers: " +
                                  $"median {delays[Buyers / 2]:0} ms, max {delays[^1]:0} ms (polled every 10 ms)");
    }

    private static Metadata BuyerHeaders(string buyerId) =>
        new() { { "authorization", "Bearer " + FleetUnderTest.Tokens.Mint(buyerId, CallerRole.Buyer) } };
}
