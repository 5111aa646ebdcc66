using Commerce.ServiceDefaults.Errors;
using Microsoft.Extensions.Logging;

namespace Commerce.Inference.Domain;

/// <summary>
/// Every model version found in the repository, loaded once at start. A version that fails to load, to match its
/// config or to warm up is kept as Unavailable with the reason; it never stops the others or the process.
/// </summary>
public sealed class ModelCatalog(InferenceOptions options, string repositoryPath, InferenceMetrics metrics, ILogger<ModelCatalog> logger,
    SessionOptionsFactory? sessionOptionsFactory = null) : IAsyncDisposable
{
    private readonly SessionOptionsFactory _sessions = sessionOptionsFactory ?? new SessionOptionsFactory(options);
    private volatile IReadOnlyDictionary<string, IReadOnlyList<ServedModelVersion>> _models =
        new Dictionary<string, IReadOnlyList<ServedModelVersion>>();

    public string RepositoryPath { get; } = repositoryPath;

    public long MaxRequestBytes => options.MaxRequestBytes;

    /// <summary>True once every model has been tried; the pod is ready from then on (broken models are reported, not waited for).</summary>
    public bool LoadingComplete { get; private set; }

    public IEnumerable<ServedModelVersion> All => _models.Values.SelectMany(v => v);

    public void LoadAll()
    {
        var found = ModelRepository.Scan(RepositoryPath);
        var models = found.ToDictionary(m => m.Model,
            m => (IReadOnlyList<ServedModelVersion>)m.Versions.Select(v => new ServedModelVersion(v.Model, v.Version)).ToList());
        _models = models;
        logger.LogInformation("Model repository {Repository}: {Count} models ({Names})", RepositoryPath, found.Count, string.Join(", ", models.Keys));
        foreach (var (model, versions) in found)
        {
            if (versions.Count == 0)
            {
                logger.LogWarning("Model {Model} has no numbered version folder with {File}", model, ModelRepository.OnnxFileName);
            }

            foreach (var folder in versions)
            {
                Load(folder, models[model].Single(v => v.Version == folder.Version));
            }
        }

        LoadingComplete = true;
    }

    /// <summary>The version asked for, or the newest when <paramref name="version"/> is empty.</summary>
    public ServedModelVersion Find(string model, string? version)
    {
        if (!_models.TryGetValue(model, out var versions) || versions.Count == 0)
        {
            throw new NotFoundException(LoadingComplete || _models.ContainsKey(model)
                ? $"no model '{model}' in the repository; models: {string.Join(", ", _models.Keys)}"
                : $"no model '{model}' yet: the repository is still loading");
        }

        if (string.IsNullOrEmpty(version)) return versions[^1];
        return versions.FirstOrDefault(v => v.Version.ToString() == version)
            ?? throw new NotFoundException($"model '{model}' has no version '{version}'; versions: {string.Join(", ", versions.Select(v => v.Version))}");
    }

    public IReadOnlyList<ServedModelVersion> Versions(string model) =>
        _models.TryGetValue(model, out var versions) ? versions : throw new NotFoundException($"no model '{model}' in the repository");

    public async ValueTask DisposeAsync()
    {
        foreach (var version in All) await version.DisposeAsync();
    }

    private void Load(ModelVersionFolder folder, ServedModelVersion served)
    {
        OnnxModel? onnx = null;
        var attached = false;
        try
        {
            var config = ModelConfig.Load(folder.ModelFolder);
            if (!File.Exists(folder.OnnxPath)) throw new FileNotFoundException($"{ModelRepository.OnnxFileName} is missing in version {folder.Version}");
            var (sessionOptions, choice) = _sessions.Create();
            using (sessionOptions)
            {
                onnx = new OnnxModel(folder.OnnxPath, sessionOptions);
            }

            CheckConfig(config, onnx);
            var batcher = config.Batches ? new DynamicBatcher(folder.Model, folder.Version, config, onnx.Run, metrics) : null;
            served.Attach(onnx, config, batcher);
            attached = true;
            WarmUp(served);
            served.MarkReady($"{choice.Provider}: {choice.Reason}");
            logger.LogInformation("Model {Model} version {Version} ready on {Provider} ({Reason}), max batch {MaxBatch}",
                folder.Model, folder.Version, choice.Provider, choice.Reason, config.MaxBatchSize);
        }
        catch (Exception ex)
        {
            // Any failure (bad file, CUDA refused, config mismatch, warm-up) leaves this version unavailable, never the pod down.
            served.MarkUnavailable(ex.Message);
            if (attached) served.DisposeAsync().AsTask().GetAwaiter().GetResult();
            else onnx?.Dispose();
            logger.LogError("Model {Model} version {Version} unavailable: {Reason}", folder.Model, folder.Version, ex.Message);
        }
    }

    private static void CheckConfig(ModelConfig config, OnnxModel onnx)
    {
        foreach (var (declared, actual, kind) in config.Inputs.Select(i => (i, onnx.Inputs, "input"))
                     .Concat(config.Outputs.Select(o => (o, onnx.Outputs, "output"))))
        {
            var spec = actual.FirstOrDefault(s => s.Name == declared.Name)
                ?? throw new InvalidDataException($"config.json names {kind} '{declared.Name}', the ONNX model has {string.Join(", ", actual.Select(a => a.Describe()))}");
            if (spec.DataType != declared.DataType)
            {
                throw new InvalidDataException($"config.json says {kind} '{declared.Name}' is {declared.DataType}, the ONNX model says {spec.DataType}");
            }
        }

        if (config.Batches)
        {
            var fixedBatch = onnx.Inputs.Concat(onnx.Outputs).FirstOrDefault(s => s.Shape.Length == 0 || s.Shape[0] >= 0);
            if (fixedBatch is not null)
            {
                throw new InvalidDataException($"max_batch_size {config.MaxBatchSize} needs a dynamic leading dimension, but {fixedBatch.Describe()} has none");
            }
        }
    }

    // One inference on zeros (dynamic dimensions as 1) before the model counts as ready: the first real call then pays
    // no lazy initialisation, and a model that cannot run at all is caught here.
    private void WarmUp(ServedModelVersion served)
    {
        var inputs = served.Inputs.Select(spec =>
        {
            var shape = spec.Shape.Select(d => d < 0 ? 1L : d).ToArray();
            return new InferenceTensor(spec.Name, spec.DataType, shape, new byte[TensorDataTypes.ElementCount(shape) * TensorDataTypes.SizeOf(spec.DataType)]);
        }).ToArray();
        try
        {
            served.RunAsync(inputs, [], long.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("warm-up inference failed: " + ex.Message, ex);
        }
    }
}
