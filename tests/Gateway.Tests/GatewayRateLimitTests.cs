using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.Gateway.Tests;

public sealed class GatewayRateLimitTests
{
    [Test]
    public async Task A_flood_from_one_caller_is_throttled_while_another_caller_still_gets_through()
    {
        await using var gateway = await GatewayFixture.StartAsync(permitsPerSecond: 1, burst: 3);
        var flooder = gateway.Tokens.Mint("flooder", CallerRole.Buyer);
        var neighbour = gateway.Tokens.Mint("neighbour", CallerRole.Buyer);
        const string path = "/commerce.reco.v1.RecoService/GetRecommendations";

        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await gateway.CallAsync(path, flooder);
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException ex)
            {
                outcomes.Add(ex.StatusCode);
            }
        }

        var neighbourHeaders = await gateway.CallAsync(path, neighbour);

        Assert.That(outcomes, Has.Some.EqualTo(StatusCode.ResourceExhausted));
        Assert.That(outcomes, Has.Some.EqualTo(StatusCode.OK));
        Assert.That(outcomes.Where(c => c != StatusCode.OK), Is.All.EqualTo(StatusCode.ResourceExhausted));
        Assert.That(neighbourHeaders.GetValue("x-echo-backend"), Is.EqualTo("reco"));
    }
}
