using Commerce.Inference.Grpc;
using Commerce.Protos.Inference;
using Commerce.TestSupport;
using Grpc.Net.Client;

namespace Commerce.Inference.Tests.Support;

/// <summary>InferenceHost in-process over a repository, started and waited for until every model was tried.</summary>
public sealed class InferenceTestHost : IAsyncDisposable
{
    private readonly ServiceHost<InferenceGrpcService> _host;

    private InferenceTestHost(ServiceHost<InferenceGrpcService> host, GrpcChannel channel)
    {
        _host = host;
        Channel = channel;
        Client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);
    }

    public GrpcChannel Channel { get; }

    public GRPCInferenceService.GRPCInferenceServiceClient Client { get; }

    public InferenceClient.InferenceClient Typed => new(Client);

    public static async Task<InferenceTestHost> StartAsync(string repository, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Inference:ModelRepository"] = repository,
            ["Inference:Device"] = "cpu",
            ["Inference:IntraOpThreads"] = "2",
        };
        foreach (var (key, value) in settings) all[key] = value;
        var host = new ServiceHost<InferenceGrpcService>(all);
        var channel = host.CreateChannel();
        var started = new InferenceTestHost(host, channel);
        await WaitUntilReadyAsync(started.Client);
        return started;
    }

    public static async Task WaitUntilReadyAsync(GRPCInferenceService.GRPCInferenceServiceClient client)
    {
        // Loading runs in the background by design; poll the protocol's own readiness with a deadline.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await client.ServerReadyAsync(new ServerReadyRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Ready)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("InferenceHost did not finish loading models within 60 s");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _host.DisposeAsync();
    }
}
