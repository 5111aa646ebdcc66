using System.Security.Cryptography;
using Commerce.Gateway.Auth;
using Commerce.Gateway.Routing;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Gateway.Tests;

/// <summary>The real gateway in-process, its destinations pointed by service discovery at one echo backend per service.</summary>
public sealed class GatewayFixture : IAsyncDisposable
{
    private GatewayFixture(ServiceHost<DevTokenIssuer> host, IReadOnlyDictionary<string, EchoBackend> backends, JwtSettings jwt)
    {
        Host = host;
        Backends = backends;
        Tokens = new DevTokenIssuer(jwt);
        Jwt = jwt;
    }

    public ServiceHost<DevTokenIssuer> Host { get; }

    public IReadOnlyDictionary<string, EchoBackend> Backends { get; }

    public DevTokenIssuer Tokens { get; }

    public JwtSettings Jwt { get; }

    public static async Task<GatewayFixture> StartAsync(int permitsPerSecond = 1000, int burst = 1000)
    {
        var backends = new Dictionary<string, EchoBackend>();
        foreach (var route in FleetRouteTable.Services)
        {
            backends[route.Service] = await EchoBackend.StartAsync(route.Service);
        }

        var jwt = new JwtSettings { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)) };
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Jwt:SigningKey"] = jwt.SigningKey,
            ["Gateway:RateLimit:PermitsPerSecond"] = permitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:RateLimit:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, backend) in backends)
        {
            settings[$"services:{name}:grpc:0"] = backend.Address;
            settings[$"services:{name}:http:0"] = backend.Address;
        }

        var host = new ServiceHost<DevTokenIssuer>(settings, busHarness: false);
        _ = host.Server;
        return new GatewayFixture(host, backends, jwt);
    }

    public async Task<Metadata> CallAsync(string fullMethodPath, string? token, params (string Name, string Value)[] extraHeaders)
    {
        using var channel = Host.CreateChannel();
        return await RawGrpc.CallAsync(channel, fullMethodPath, token, body: null, extraHeaders);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var backend in Backends.Values) await backend.DisposeAsync();
    }
}
