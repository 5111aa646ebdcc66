using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Commerce.Gateway.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.LoadTests;

/// <summary>
/// The whole fleet through the real AppHost, for the load client and for Fleet.Tests (the one place the fleet is started
/// from code): its own RabbitMQ node (local mode), data folder and signing key in a temp folder, every resource healthy
/// before it is returned; stopped and removed at the end.
/// </summary>
public sealed class LocalFleet : IAsyncDisposable
{
    private static readonly string[] Resources = ["rabbit", "inference", "onboarding", "reco", "tryon", "asr", "csagent", "clip", "bidding", "gateway"];
    private readonly DistributedApplication _app;
    private readonly string _workDir;

    private LocalFleet(DistributedApplication app, string workDir, DevTokenIssuer tokens)
    {
        _app = app;
        _workDir = workDir;
        Tokens = tokens;
    }

    public DevTokenIssuer Tokens { get; }

    public DistributedApplication App => _app;

    /// <summary>The folder under which each service keeps its store (<c>Storage:DataDir</c> = this + "/" + resource name).</summary>
    public string DataDir => Path.Combine(_workDir, "data");

    public Uri GrpcEndpoint(string resource) => _app.GetEndpoint(resource, "grpc");

    public static async Task<LocalFleet> StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var workDir = Directory.CreateTempSubdirectory("commerce-fleet-").FullName;
        var keyFile = Path.Combine(workDir, "jwt-signing-key");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        await File.WriteAllTextAsync(keyFile, key, cancellationToken);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "Rabbit:Mode=local",
            $"Rabbit:DataDir={Path.Combine(workDir, "rabbit")}",
            $"Fleet:DataDir={Path.Combine(workDir, "data")}",
            $"Fleet:JwtSigningKeyFile={keyFile}",
        ], cancellationToken);
        // The fleet's own logs are in its resources; the load client's console is for the run's progress and figures.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Commerce.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync(cancellationToken);
        using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startTimeout.CancelAfter(timeout);
        await app.StartAsync(startTimeout.Token);
        foreach (var name in Resources) await app.ResourceNotifications.WaitForResourceHealthyAsync(name, startTimeout.Token);
        return new LocalFleet(app, workDir, new DevTokenIssuer(new JwtSettings { SigningKey = key }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_workDir, recursive: true); }
        catch (IOException) { /* the broker may still be flushing its files; the OS cleans temp */ }
    }
}
