using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Commerce.Gateway.Auth;
using Commerce.LoadTests;
using Grpc.Net.Client;

namespace Commerce.Fleet.Tests;

/// <summary>
/// The real AppHost, started once for this test assembly with its own RabbitMQ node (local mode), data folder and
/// signing key (<see cref="LocalFleet"/>, shared with the load client). Tests share the running fleet but never each
/// other's data: each makes its own merchants and buyers.
/// </summary>
[SetUpFixture]
public sealed class FleetUnderTest
{
    public static readonly string[] Services = ["inference", "onboarding", "reco", "tryon", "asr", "csagent", "clip", "bidding"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static LocalFleet? _fleet;

    public static DistributedApplication App => Fleet.App;

    public static DevTokenIssuer Tokens => Fleet.Tokens;

    public static string DataDir => Fleet.DataDir;

    private static LocalFleet Fleet => _fleet ?? throw new InvalidOperationException("the fleet did not start");

    [OneTimeSetUp]
    public async Task StartFleet() => _fleet = await LocalFleet.StartAsync(StartTimeout, CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopFleet()
    {
        if (_fleet is not null) await _fleet.DisposeAsync();
    }

    /// <summary>The AMQP address of the fleet's own RabbitMQ node, for tests that publish or listen beside the services.</summary>
    public static async Task<string> BrokerAddressAsync(CancellationToken cancellationToken) =>
        await App.GetConnectionStringAsync("rabbit", cancellationToken)
        ?? throw new InvalidOperationException("the fleet's broker has no connection string");

    public static GrpcChannel GatewayChannel() =>
        GrpcChannel.ForAddress(App.GetEndpoint("gateway", "grpc"), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
}
