using Commerce.ServiceDefaults.Errors;

namespace Commerce.Inference.Domain;

/// <summary>One version of one model as served: its state (with the reason when it is not ready) and, once ready, its session and batcher.</summary>
public sealed class ServedModelVersion : IAsyncDisposable
{
    private OnnxModel? _onnx;
    private DynamicBatcher? _batcher;

    public ServedModelVersion(string model, long version)
    {
        Model = model;
        Version = version;
    }

    public string Model { get; }

    public long Version { get; }

    public ModelState State { get; private set; } = ModelState.Loading;

    /// <summary>Why it is not ready; for a ready model, the execution provider it runs on and why.</summary>
    public string Reason { get; private set; } = "loading";

    public ModelConfig Config { get; private set; } = new();

    public IReadOnlyList<TensorSpec> Inputs { get; private set; } = [];

    public IReadOnlyList<TensorSpec> Outputs { get; private set; } = [];

    /// <summary>Gives the version its session; it stays Loading (callers are refused) until <see cref="MarkReady"/>.</summary>
    public void Attach(OnnxModel onnx, ModelConfig config, DynamicBatcher? batcher)
    {
        _onnx = onnx;
        _batcher = batcher;
        Config = config;
        Inputs = WithBatchDimension(onnx.Inputs, config);
        Outputs = WithBatchDimension(onnx.Outputs, config);
    }

    public void MarkReady(string reason)
    {
        Reason = reason;
        State = ModelState.Ready;
    }

    public void MarkUnavailable(string reason)
    {
        Reason = reason;
        State = ModelState.Unavailable;
    }

    /// <summary>Validates, runs (batched when the model batches) and returns the requested outputs (all when none are named).</summary>
    public async Task<IReadOnlyList<InferenceTensor>> InferAsync(IReadOnlyList<InferenceTensor> inputs,
        IReadOnlyList<string> requestedOutputs, long maxRequestBytes, CancellationToken cancellationToken)
    {
        if (State != ModelState.Ready)
        {
            throw new PreconditionFailedException($"model {Model} version {Version} is not ready: {Reason}");
        }

        return await RunAsync(inputs, requestedOutputs, maxRequestBytes, cancellationToken);
    }

    /// <summary>The same without the readiness gate: the warm-up inference runs before the version is ready.</summary>
    public async Task<IReadOnlyList<InferenceTensor>> RunAsync(IReadOnlyList<InferenceTensor> inputs,
        IReadOnlyList<string> requestedOutputs, long maxRequestBytes, CancellationToken cancellationToken)
    {
        var onnx = _onnx ?? throw new PreconditionFailedException($"model {Model} version {Version} is not loaded: {Reason}");

        foreach (var name in requestedOutputs)
        {
            if (Outputs.All(o => o.Name != name))
            {
                throw new InvalidInputException($"model {Model} has no output '{name}'; outputs: {string.Join(", ", Outputs.Select(o => o.Describe()))}");
            }
        }

        var ordered = TensorValidator.Validate(Model, Inputs, Config, inputs, maxRequestBytes);
        var outputs = _batcher is null ? onnx.Run(ordered) : await _batcher.InferAsync(ordered, cancellationToken);
        return requestedOutputs.Count == 0 ? outputs : outputs.Where(o => requestedOutputs.Contains(o.Name)).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_batcher is not null) await _batcher.DisposeAsync();
        _onnx?.Dispose();
        _batcher = null;
        _onnx = null;
    }

    // ONNX files may name the batch dimension (N) or fix it; to callers a batching model's leading dimension is -1.
    private static TensorSpec[] WithBatchDimension(IReadOnlyList<TensorSpec> specs, ModelConfig config) =>
        specs.Select(s => config.Batches && s.Shape.Length > 0 ? s with { Shape = [-1, .. s.Shape[1..]] } : s).ToArray();
}
