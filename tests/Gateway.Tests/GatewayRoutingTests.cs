using Commerce.Gateway.Routing;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.Gateway.Tests;

public sealed class GatewayRoutingTests
{
    private GatewayFixture _gateway = null!;

    [OneTimeSetUp]
    public async Task StartGateway() => _gateway = await GatewayFixture.StartAsync();

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    public static IEnumerable<TestCaseData> EveryPackage() =>
        FleetRouteTable.Services.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Service));

    [TestCaseSource(nameof(EveryPackage))]
    public async Task An_authenticated_call_reaches_the_service_that_owns_the_package(FleetRoute route)
    {
        var role = route.Policy == Auth.GatewayPolicies.OperatorOnly ? CallerRole.Operator : CallerRole.Buyer;
        var userId = $"user-{Guid.NewGuid():N}";
        var path = $"/{route.GrpcPathPrefix}AnyService/AnyMethod";

        var headers = await _gateway.CallAsync(path, _gateway.Tokens.Mint(userId, role), (CallerHeaders.UserId, "someone-else"));

        Assert.That(headers.GetValue("x-echo-backend"), Is.EqualTo(route.Service));
        var received = _gateway.Backends[route.Service].Received.Single(c => c.Headers.GetValueOrDefault(CallerHeaders.UserId) == userId);
        Assert.That(received.Path, Is.EqualTo(path));
        Assert.That(received.Headers[CallerHeaders.Roles], Is.EqualTo(role));
        Assert.That(_gateway.Backends.Values.SelectMany(b => b.Received).Count(c => c.Headers.GetValueOrDefault(CallerHeaders.UserId) == "someone-else"),
            Is.Zero, "a client-supplied identity header must never pass the gateway");
    }

    [Test]
    public void An_unauthenticated_call_is_refused_before_any_service_sees_it()
    {
        var before = _gateway.Backends["reco"].Received.Count;

        var error = Assert.ThrowsAsync<RpcException>(() => _gateway.CallAsync("/commerce.reco.v1.RecoService/GetRecommendations", token: null));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
        Assert.That(_gateway.Backends["reco"].Received.Count, Is.EqualTo(before));
    }

    [Test]
    public void A_token_signed_with_another_key_is_refused()
    {
        var forged = new Auth.DevTokenIssuer(new Auth.JwtSettings { SigningKey = new string('k', 48) }).Mint("mallory", CallerRole.Operator);

        var error = Assert.ThrowsAsync<RpcException>(() => _gateway.CallAsync("/commerce.reco.v1.RecoService/GetRecommendations", forged));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public void A_buyer_may_not_reach_the_internal_inference_pods()
    {
        var token = _gateway.Tokens.Mint("buyer-1", CallerRole.Buyer);

        var error = Assert.ThrowsAsync<RpcException>(() => _gateway.CallAsync("/inference.GRPCInferenceService/ModelInfer", token));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
    }

    [TestCase("")]
    [TestCase("liveness")]
    public async Task Grpc_health_answers_the_readiness_and_liveness_services_kubernetes_probes_ask_for(string service)
    {
        using var channel = _gateway.Host.CreateChannel();

        var status = await Commerce.TestSupport.GrpcSurface.HealthAsync(channel, service);

        Assert.That(status, Is.EqualTo(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task Health_stays_open_without_a_token()
    {
        using var client = _gateway.Host.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }
}
