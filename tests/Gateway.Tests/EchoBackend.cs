using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.Gateway.Tests;

/// <summary>
/// A real HTTP/2 server standing in for one service behind the gateway: it answers any gRPC call with OK and an empty
/// message, names itself in a header, and records what reached it (path and identity metadata).
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Address { get; private set; } = "";

    public ConcurrentQueue<ReceivedCall> Received { get; } = new();

    public static async Task<EchoBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder holds the gateway's appsettings.json; its Kestrel endpoints are not this server's.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var backend = new EchoBackend(name, app);
        app.Run(backend.AnswerAsync);
        await app.StartAsync();
        backend.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return backend;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var headers = context.Request.Headers
            .Where(h => h.Key.StartsWith("x-commerce-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        Received.Enqueue(new ReceivedCall(context.Request.Path, headers));

        context.Response.ContentType = "application/grpc";
        context.Response.Headers["x-echo-backend"] = Name;
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedCall(string Path, IReadOnlyDictionary<string, string> Headers);
