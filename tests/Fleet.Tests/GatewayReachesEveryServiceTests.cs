using Commerce.Gateway.Auth;
using Commerce.Gateway.Routing;
using Commerce.ServiceDefaults;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;

namespace Commerce.Fleet.Tests;

public sealed class GatewayReachesEveryServiceTests
{
    private static readonly Dictionary<string, string> AssemblyOf = new()
    {
        ["onboarding"] = "Commerce.MerchantOnboarding",
        ["reco"] = "Commerce.RecoService",
        ["tryon"] = "Commerce.TryOnService",
        ["asr"] = "Commerce.AsrCommentService",
        ["csagent"] = "Commerce.CsAgentService",
        ["clip"] = "Commerce.ClipService",
        ["bidding"] = "Commerce.BiddingService",
        ["inference"] = "Commerce.InferenceHost",
    };

    public static IEnumerable<TestCaseData> EveryPackage() =>
        FleetRouteTable.Services.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Service));

    [TestCaseSource(nameof(EveryPackage))]
    public async Task A_call_through_the_gateway_is_answered_by_the_service_owning_the_package(FleetRoute route)
    {
        var role = route.Policy == GatewayPolicies.OperatorOnly ? CallerRole.Operator : CallerRole.Buyer;
        var token = FleetUnderTest.Tokens.Mint($"fleet-{Guid.NewGuid():N}", role);
        using var channel = FleetUnderTest.GatewayChannel();

        // Any method of the package: the owning service answers (if only Unimplemented or InvalidArgument), and says who it is.
        var servedBy = await RawGrpc.HeaderOfAnyOutcomeAsync(channel, $"/{route.GrpcPathPrefix}Probe/Probe", token, Extensions.ServedByHeader);

        Assert.That(servedBy, Is.EqualTo(AssemblyOf[route.Service]));
    }
}
