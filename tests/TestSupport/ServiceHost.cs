using Grpc.Net.Client;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.TestSupport;

/// <summary>
/// One service in-process, as its tests see it: its own SQLite folder (deleted on dispose), MassTransit's test harness
/// in place of the broker, and gRPC channels over the in-memory handler. <typeparamref name="TMarker"/> is any public type
/// of the service's assembly (the generated Program classes of several services would clash).
/// </summary>
public sealed class ServiceHost<TMarker> : WebApplicationFactory<TMarker> where TMarker : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    private readonly bool _busHarness;

    public ServiceHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, bool busHarness = true)
    {
        _busHarness = busHarness;
        DataDir = Directory.CreateTempSubdirectory("commerce-test-").FullName;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:DataDir"] = DataDir,
            ["Messaging:Transport"] = "InMemory",
        };
        _configureServices = configureServices;
    }

    public string DataDir { get; }

    public ITestHarness Harness => Services.GetTestHarness();

    public GrpcChannel CreateChannel(params (string Name, string Value)[] headers)
    {
        var handler = Server.CreateHandler();
        HttpMessageHandler pipeline = headers.Length == 0 ? handler : new StaticHeadersHandler(headers) { InnerHandler = handler };
        return GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = pipeline,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            MaxSendMessageSize = 64 * 1024 * 1024,
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (_busHarness) services.AddMassTransitTestHarness();
            _configureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDir, recursive: true); }
            catch (IOException) { /* a file still held by a finalising connection; the temp folder is cleaned by the OS */ }
        }
    }

    private sealed class StaticHeadersHandler((string Name, string Value)[] headers) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
