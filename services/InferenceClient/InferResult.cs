namespace Commerce.InferenceClient;

/// <summary>The output tensors of one ModelInfer, by name.</summary>
public sealed class InferResult(string modelName, string modelVersion, IReadOnlyDictionary<string, Tensor> outputs)
{
    public string ModelName { get; } = modelName;

    public string ModelVersion { get; } = modelVersion;

    public IReadOnlyDictionary<string, Tensor> Outputs { get; } = outputs;

    public Tensor this[string name] => Outputs.TryGetValue(name, out var tensor)
        ? tensor
        : throw new KeyNotFoundException($"model {ModelName} returned no output '{name}' (has: {string.Join(", ", Outputs.Keys)})");
}
