using System.Diagnostics;
using Commerce.Protos.Inference;
using Commerce.TestSupport;
using Grpc.Net.Client;

namespace Commerce.Benchmarks;

/// <summary>
/// InferenceHost's Release build in a child process on free loopback ports: the benchmark pays the real socket, as the
/// fleet does. Shared by the benchmarks (linked into each project) so they start the host the same way.
/// </summary>
public sealed class InferenceHostProcess : IDisposable
{
    private readonly Process _process;

    private InferenceHostProcess(Process process, GrpcChannel channel)
    {
        _process = process;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    /// <summary>CPU time the host process has used so far (all its threads): per-image cost independent of wall-clock contention.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="modelRepository">null: the repository's eng/artifacts/model-repository.</param>
    /// <param name="settings">more host configuration as key=value (e.g. Inference:IntraOpThreads=2).</param>
    public static async Task<InferenceHostProcess> StartAsync(string repo, string device, string? modelRepository = null, IEnumerable<string>? settings = null)
    {
        var dll = Path.Combine(repo, "services", "InferenceHost", "bin", "Release", "net10.0", "Commerce.InferenceHost.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"build InferenceHost first: dotnet build services/InferenceHost -c Release ({dll})");
        int grpcPort = FreePorts.Next(), httpPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(repo, "services", "InferenceHost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     dll, $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}", $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
                     $"--Inference:ModelRepository={modelRepository ?? Path.Combine(repo, "eng", "artifacts", "model-repository")}", $"--Inference:Device={device}",
                     "--Logging:LogLevel:Default=Warning",
                 }.Concat((settings ?? []).Select(s => "--" + s)))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start InferenceHost");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[inference] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[inference] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 64 * 1024 * 1024, MaxSendMessageSize = 64 * 1024 * 1024,
        });
        var client = new GRPCInferenceService.GRPCInferenceServiceClient(channel);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"InferenceHost exited with {process.ExitCode}");
            try
            {
                if ((await client.ServerReadyAsync(new ServerReadyRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Ready) break;
            }
            catch (global::Grpc.Core.RpcException) when (DateTime.UtcNow < deadline)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException("InferenceHost was not ready within 2 minutes");
            await Task.Delay(200);
        }

        return new InferenceHostProcess(process, channel);
    }

    public void Dispose()
    {
        Channel.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
