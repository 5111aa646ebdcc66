using Commerce.Gateway.Auth;
using Commerce.Protos.Reco.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;
using Grpc.Net.Client;

namespace Commerce.LoadTests;

/// <summary>
/// The platform's traffic as callers make it, through the gateway with real tokens: recommendations in the three
/// scenarios are the bulk. Each buyer is one of a fixed population, so profiles warm up as they would.
/// </summary>
public static class TrafficMix
{
    public static IReadOnlyList<LoadCall> Create(GrpcChannel gateway, DevTokenIssuer tokens, int buyers = 200)
    {
        var buyerTokens = Enumerable.Range(0, buyers).Select(i => tokens.Mint($"load-buyer-{i}", CallerRole.Buyer, lifetime: TimeSpan.FromHours(4))).ToArray();
        var reco = new RecoService.RecoServiceClient(gateway);

        Metadata Buyer(Random random) => new() { { "authorization", "Bearer " + buyerTokens[random.Next(buyerTokens.Length)] } };

        LoadCall Recommendations(Scenario scenario, double weight) => new($"reco.GetRecommendations/{scenario}", weight, async call =>
            await reco.GetRecommendationsAsync(new GetRecommendationsRequest { Scenario = scenario, Count = 20 },
                Buyer(call.Random), DateTime.UtcNow.AddSeconds(5), call.CancellationToken));

        return
        [
            Recommendations(Scenario.Mall, 40),
            Recommendations(Scenario.ShortVideo, 30),
            Recommendations(Scenario.Live, 20),
        ];
    }
}
