using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Commerce.Gateway.Auth;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.Fleet.Tests;

/// <summary>
/// The real AppHost, started once for this test assembly with its own RabbitMQ node (local mode), data folder and
/// signing key. Tests share the running fleet but never each other's data: each makes its own merchants and buyers.
/// </summary>
[SetUpFixture]
public sealed class FleetUnderTest
{
    public static readonly string[] Services = ["inference", "onboarding", "reco", "tryon", "asr", "csagent", "clip", "bidding"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static DistributedApplication? _app;
    private static string? _workDir;

    public static DistributedApplication App => _app ?? throw new InvalidOperationException("the fleet did not start");

    public static DevTokenIssuer Tokens { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartFleet()
    {
        _workDir = Directory.CreateTempSubdirectory("commerce-fleet-").FullName;
        var keyFile = Path.Combine(_workDir, "jwt-signing-key");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        await File.WriteAllTextAsync(keyFile, key);
        Tokens = new DevTokenIssuer(new JwtSettings { SigningKey = key });

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "Rabbit:Mode=local",
            $"Rabbit:DataDir={Path.Combine(_workDir, "rabbit")}",
            $"Fleet:DataDir={Path.Combine(_workDir, "data")}",
            $"Fleet:JwtSigningKeyFile={keyFile}",
        ]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        foreach (var name in Services.Append("rabbit").Append("gateway"))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }
    }

    [OneTimeTearDown]
    public async Task StopFleet()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_workDir is not null)
        {
            try { Directory.Delete(_workDir, recursive: true); }
            catch (IOException) { /* the broker may still be flushing its files; the OS cleans temp */ }
        }
    }

    /// <summary>The AMQP address of the fleet's own RabbitMQ node, for tests that publish or listen beside the services.</summary>
    public static async Task<string> BrokerAddressAsync(CancellationToken cancellationToken) =>
        await App.GetConnectionStringAsync("rabbit", cancellationToken)
        ?? throw new InvalidOperationException("the fleet's broker has no connection string");

    public static GrpcChannel GatewayChannel() =>
        GrpcChannel.ForAddress(App.GetEndpoint("gateway", "grpc"), new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
}
