using System.Diagnostics;
using System.Text.Json.Nodes;
using Commerce.Benchmarks;
using Commerce.Protos.Inference;
using Commerce.TestSupport;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

// Usage: dotnet run -c Release --project tests/Benchmarks/InferenceHost.Benchmarks [-- --mode all|batching|overhead|time
//        --rounds 4 --images 64 --concurrency 16 --intra-op-threads 0 --device cpu|cuda|auto --require-provider cuda]
// batching: frame_embedder images/s with the host's dynamic batching (its config.json) vs a second host serving the same
//   model.onnx with max_batch_size 1, both under the same concurrent single-image load, rounds alternated; then ONNX
//   Runtime in-process at batch 1 vs 8 (images per CPU-second), the per-image cost batching can save at all.
// overhead: one 1x3x224x224 ModelInfer over gRPC vs the same run on ONNX Runtime in-process (median latencies).
// time: each model's ModelInfer latency on --device; with --require-provider, exit 2 unless every model runs on it.
var repo = RepoPaths.Root;
var mode = OptionText("--mode", "all");
var rounds = Option("--rounds", 4);
var imagesPerRound = Option("--images", 64);
var concurrency = Option("--concurrency", 16);
var intraOpThreads = Option("--intra-op-threads", 0);
var device = OptionText("--device", "cpu");
var requiredProvider = OptionText("--require-provider", "");
var repository = Path.Combine(repo, "eng", "artifacts", "model-repository");
string[] hostSettings = [$"Inference:IntraOpThreads={intraOpThreads}"];
Console.WriteLine($"InferenceHost benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, device={device}, " +
                  $"Inference:IntraOpThreads={intraOpThreads} (0 = ORT default), args: {string.Join(' ', args)}");

if (mode == "time") return await TimeModelsAsync();

var image = RandomImage(1, seed: 1);
var unbatchedRepository = UnbatchedFrameEmbedderRepository();
try
{
    using var batched = await InferenceHostProcess.StartAsync(repo, device, repository, hostSettings);
    using var unbatched = await InferenceHostProcess.StartAsync(repo, device, unbatchedRepository, hostSettings);
    var batchedClient = new GRPCInferenceService.GRPCInferenceServiceClient(batched.Channel);
    var unbatchedClient = new GRPCInferenceService.GRPCInferenceServiceClient(unbatched.Channel);
    using var session = InProcessSession();
    for (var i = 0; i < 3; i++) // warm-up: first runs allocate ORT's arenas
    {
        await InferAsync(batchedClient, image, 1);
        await InferAsync(unbatchedClient, image, 1);
        RunInProcess(session, RandomImage(8, 2), 8);
    }

    if (mode is "all" or "batching")
    {
        var maxBatch = FrameEmbedderConfig()["max_batch_size"];
        var delay = FrameEmbedderConfig()["max_queue_delay_ms"];
        Console.WriteLine($"\n(a) frame_embedder, {imagesPerRound} single-image requests per round, {concurrency} concurrent; " +
                          $"batched host: max_batch_size {maxBatch}, max_queue_delay_ms {delay}; batch-1 host: max_batch_size 1");
        // One discarded round each: ORT's arena grows to the batched shapes on first use.
        await LoadAsync(batched, batchedClient);
        await LoadAsync(unbatched, unbatchedClient);
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which arm goes first, so a neighbour's load burst does not always hit the same arm.
            var batchedFirst = round % 2 == 0;
            var a = batchedFirst ? await LoadAsync(batched, batchedClient) : default;
            var b = await LoadAsync(unbatched, unbatchedClient);
            if (!batchedFirst) a = await LoadAsync(batched, batchedClient);
            ratios.Add(a.ImagesPerSecond / b.ImagesPerSecond);
            cpuRatios.Add(a.ImagesPerCpuSecond / b.ImagesPerCpuSecond);
            Console.WriteLine($"  round {round + 1}: batched {a.ImagesPerSecond,6:F1} img/s ({a.ImagesPerCpuSecond:F1} per host CPU-s), " +
                              $"batch 1 {b.ImagesPerSecond,6:F1} img/s ({b.ImagesPerCpuSecond:F1} per host CPU-s), ratio {ratios[^1]:F2}");
        }

        Console.WriteLine($"  median ratio batched / batch 1: {Median(ratios):F2} images/s (target > 1.5), {Median(cpuRatios):F2} images per host CPU-second");

        Console.WriteLine("\n    ONNX Runtime in-process, frame_embedder, 8 images as 8 runs of batch 1 vs 1 run of batch 8:");
        var batch1 = RandomImage(1, 3);
        var batch8 = RandomImage(8, 3);
        var ortRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var one = MeasureInProcess(() => { for (var i = 0; i < 8; i++) RunInProcess(session, batch1, 1); }, 8);
            var eight = MeasureInProcess(() => RunInProcess(session, batch8, 8), 8);
            ortRatios.Add(eight.ImagesPerCpuSecond / one.ImagesPerCpuSecond);
            Console.WriteLine($"    round {round + 1}: batch 1 {one.ImagesPerSecond,6:F1} img/s ({one.ImagesPerCpuSecond:F1} per CPU-s), " +
                              $"batch 8 {eight.ImagesPerSecond,6:F1} img/s ({eight.ImagesPerCpuSecond:F1} per CPU-s), CPU ratio {ortRatios[^1]:F2}");
        }

        Console.WriteLine($"    median images per CPU-second, batch 8 / batch 1: {Median(ortRatios):F2}");
    }

    if (mode is "all" or "overhead")
    {
        const int calls = 40;
        Console.WriteLine($"\n(b) one 1x3x224x224 frame_embedder inference, sequential, {calls} calls per arm per round, the arms interleaved call by call (median ms)");
        var grpcRatios = new List<double>();
        var lonelyRatios = new List<double>();
        var grpcExtraMs = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved call by call: on a shared 2-core VM the neighbours' load changes within seconds, and a block of
            // 40 calls per arm would compare different loads rather than the transport.
            List<double> inProcess = [], overGrpc = [], overGrpcBatcher = [];
            for (var i = 0; i < calls; i++)
            {
                inProcess.Add(await TimeMsAsync(() => { RunInProcess(session, image, 1); return Task.CompletedTask; }));
                overGrpc.Add(await TimeMsAsync(() => InferAsync(unbatchedClient, image, 1)));
                overGrpcBatcher.Add(await TimeMsAsync(() => InferAsync(batchedClient, image, 1)));
            }

            grpcRatios.Add(Median(overGrpc) / Median(inProcess));
            lonelyRatios.Add(Median(overGrpcBatcher) / Median(inProcess));
            grpcExtraMs.Add(Median(overGrpc) - Median(inProcess));
            Console.WriteLine($"  round {round + 1}: in-process {Median(inProcess):F1} ms, gRPC (batch-1 host) {Median(overGrpc):F1} ms, " +
                              $"gRPC (batching host, a lone request waits max_queue_delay) {Median(overGrpcBatcher):F1} ms");
        }

        Console.WriteLine($"  median ratio gRPC / in-process: {Median(grpcRatios):F2} (batch-1 host, {Median(grpcExtraMs):F1} ms more), {Median(lonelyRatios):F2} (batching host)");
    }

    return 0;
}
finally
{
    Directory.Delete(unbatchedRepository, recursive: true);
}

async Task<Throughput> LoadAsync(InferenceHostProcess host, GRPCInferenceService.GRPCInferenceServiceClient client)
{
    var next = 0;
    var cpuBefore = host.CpuTime;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= imagesPerRound) await InferAsync(client, image, 1);
    }));
    var wall = clock.Elapsed.TotalSeconds;
    return new Throughput(imagesPerRound / wall, imagesPerRound / (host.CpuTime - cpuBefore).TotalSeconds);
}

static async Task InferAsync(GRPCInferenceService.GRPCInferenceServiceClient client, float[] pixels, int rows)
{
    var request = new ModelInferRequest { ModelName = "frame_embedder" };
    var input = new ModelInferRequest.Types.InferInputTensor { Name = "image", Datatype = "FP32" };
    input.Shape.Add([rows, 3, 224, 224]);
    request.Inputs.Add(input);
    request.RawInputContents.Add(ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan())));
    var response = await client.ModelInferAsync(request);
    if (response.RawOutputContents[0].Length != rows * 512 * sizeof(float)) throw new InvalidOperationException("unexpected features size");
}

InferenceSession InProcessSession()
{
    // The host's session options for cpu (SessionOptionsFactory): all graph optimisations, the same intra-op threads.
    using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = intraOpThreads };
    return new InferenceSession(Path.Combine(repository, "frame_embedder", "1", "model.onnx"), options);
}

static void RunInProcess(InferenceSession session, float[] pixels, int rows)
{
    using var input = OrtValue.CreateTensorValueFromMemory(pixels, [rows, 3, 224, 224]);
    using var runOptions = new RunOptions();
    using var outputs = session.Run(runOptions, ["image"], [input], ["features"]);
    if (outputs[0].GetTensorDataAsSpan<float>().Length != rows * 512) throw new InvalidOperationException("unexpected features size");
}

static Throughput MeasureInProcess(Action run, int images)
{
    var self = Process.GetCurrentProcess();
    var cpuBefore = self.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    run();
    var wall = clock.Elapsed.TotalSeconds;
    self.Refresh();
    return new Throughput(images / wall, images / (self.TotalProcessorTime - cpuBefore).TotalSeconds);
}

static async Task<double> TimeMsAsync(Func<Task> call)
{
    var clock = Stopwatch.StartNew();
    await call();
    return clock.Elapsed.TotalMilliseconds;
}

static async Task<double> MedianMsAsync(int calls, Func<Task> call)
{
    var ms = new List<double>();
    for (var i = 0; i < calls; i++)
    {
        var clock = Stopwatch.StartNew();
        await call();
        ms.Add(clock.Elapsed.TotalMilliseconds);
    }

    return Median(ms);
}

async Task<int> TimeModelsAsync()
{
    using var host = await InferenceHostProcess.StartAsync(repo, device, repository, hostSettings);
    var client = new GRPCInferenceService.GRPCInferenceServiceClient(host.Channel);
    var index = await client.RepositoryIndexAsync(new RepositoryIndexRequest());
    var failed = false;
    foreach (var model in index.Models)
    {
        Console.WriteLine($"  {model.Name} v{model.Version}: {model.State} ({model.Reason})");
        // The host names the execution provider first in a ready model's reason ("cuda: CUDA device 0").
        if (requiredProvider != "" && !model.Reason.StartsWith(requiredProvider + ":", StringComparison.OrdinalIgnoreCase)) failed = true;
    }

    if (failed)
    {
        Console.WriteLine($"FAILED: not every model runs on {requiredProvider}");
        return 2;
    }

    // Shapes as the fleet sends them: a frame and a batch of 8 frames, one and 64 garment thumbnails, a 768x1024 photo.
    (string Model, string Shape, (string Name, long[] Shape)[] Inputs)[] cases =
    [
        ("frame_embedder", "1x3x224x224", [("image", [1, 3, 224, 224])]),
        ("frame_embedder", "8x3x224x224", [("image", [8, 3, 224, 224])]),
        ("garment_type", "1x784", [("pixels", [1, 784])]),
        ("garment_type", "64x784", [("pixels", [64, 784])]),
        ("tryon_composer", "person 1x3x1024x768, garment 1x3x512x384",
            [("person", [1, 3, 1024, 768]), ("garment", [1, 3, 512, 384]), ("garment_mask", [1, 1, 512, 384]), ("grid", [1, 1024, 768, 2]), ("keep_mask", [1, 1, 1024, 768])]),
    ];
    foreach (var (model, shape, inputs) in cases)
    {
        var request = new ModelInferRequest { ModelName = model };
        foreach (var (name, dims) in inputs)
        {
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = "FP32" };
            tensor.Shape.Add(dims);
            request.Inputs.Add(tensor);
            var values = RandomValues((int)dims.Aggregate(1L, (a, d) => a * d), 7);
            if (name == "grid") for (var i = 0; i < values.Length; i++) values[i] = values[i] * 2 - 1; // GridSample samples -1..1
            request.RawInputContents.Add(ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())));
        }

        for (var i = 0; i < 3; i++) await client.ModelInferAsync(request);
        var median = await MedianMsAsync(20, async () => await client.ModelInferAsync(request));
        Console.WriteLine($"  {model,-15} {shape,-42} median {median,7:F1} ms over 20 calls (after 3 warm-ups)");
    }

    return 0;
}

string UnbatchedFrameEmbedderRepository()
{
    // The same model.onnx (linked, not copied) with max_batch_size 1: every request runs alone, and none waits
    // max_queue_delay for company. Only frame_embedder is served by this host.
    var dir = Directory.CreateTempSubdirectory("inference-bench-batch1-").FullName;
    var model = Directory.CreateDirectory(Path.Combine(dir, "frame_embedder")).FullName;
    Directory.CreateSymbolicLink(Path.Combine(model, "1"), Path.Combine(repository, "frame_embedder", "1"));
    var config = FrameEmbedderConfig();
    config["max_batch_size"] = 1;
    config["max_queue_delay_ms"] = 0;
    config["preferred_batch_sizes"] = new JsonArray();
    File.WriteAllText(Path.Combine(model, "config.json"), config.ToJsonString());
    return dir;
}

JsonObject FrameEmbedderConfig() =>
    JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "frame_embedder", "config.json")))!.AsObject();

static float[] RandomImage(int rows, int seed) => RandomValues(rows * 3 * 224 * 224, seed);

static float[] RandomValues(int count, int seed)
{
    var random = new Random(seed);
    var values = new float[count];
    for (var i = 0; i < values.Length; i++) values[i] = random.NextSingle();
    return values;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();

string OptionText(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).DefaultIfEmpty(fallback).First();

internal readonly record struct Throughput(double ImagesPerSecond, double ImagesPerCpuSecond);
