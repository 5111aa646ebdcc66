using System.Buffers.Binary;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.ServiceDefaults.Tests;

/// <summary>
/// Stands in for the daprd sidecar, which cannot be installed here: a real HTTP/2 gRPC endpoint answering Dapr's own
/// runtime API method <c>dapr.proto.runtime.v1.Dapr/GetSecret</c> with the messages of the Dapr.Protos package.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDaprSidecar(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public List<GetSecretRequest> Requests { get; } = [];

    public static async Task<FakeDaprSidecar> StartAsync(string store, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secrets)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var sidecar = new FakeDaprSidecar(app);
        app.MapPost("/dapr.proto.runtime.v1.Dapr/GetSecret", async context =>
        {
            var request = GetSecretRequest.Parser.ParseFrom(await ReadMessageAsync(context.Request.Body));
            lock (sidecar.Requests) sidecar.Requests.Add(request);
            context.Response.ContentType = "application/grpc";
            if (request.StoreName != store || !secrets.TryGetValue(request.Key, out var values))
            {
                context.Response.AppendTrailer("grpc-status", "5");
                context.Response.AppendTrailer("grpc-message", "secret not found");
                return;
            }

            var response = new GetSecretResponse();
            foreach (var (k, v) in values) response.Data[k] = v;
            await WriteMessageAsync(context.Response.Body, response);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        sidecar.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return sidecar;
    }

    private static async Task<byte[]> ReadMessageAsync(Stream body)
    {
        var header = new byte[5];
        await body.ReadExactlyAsync(header);
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await body.ReadExactlyAsync(payload);
        return payload;
    }

    private static async Task WriteMessageAsync(Stream body, IMessage message)
    {
        var payload = message.ToByteArray();
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), (uint)payload.Length);
        await body.WriteAsync(header);
        await body.WriteAsync(payload);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
