using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Inference.Domain;

/// <summary>
/// A model's <c>config.json</c> (Triton's field names; written by services/ModelBuilder). Optional: without it a model
/// is served unbatched with the tensors its ONNX file declares.
/// </summary>
public sealed class ModelConfig
{
    [JsonPropertyName("max_batch_size")] public int MaxBatchSize { get; set; }
    [JsonPropertyName("max_queue_delay_ms")] public int MaxQueueDelayMs { get; set; }
    [JsonPropertyName("preferred_batch_sizes")] public int[] PreferredBatchSizes { get; set; } = [];
    [JsonPropertyName("inputs")] public ConfigTensor[] Inputs { get; set; } = [];
    [JsonPropertyName("outputs")] public ConfigTensor[] Outputs { get; set; } = [];

    public bool Batches => MaxBatchSize > 1;

    public static ModelConfig Load(string modelFolder)
    {
        var path = Path.Combine(modelFolder, "config.json");
        if (!File.Exists(path)) return new ModelConfig();
        return JsonSerializer.Deserialize<ModelConfig>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty");
    }
}

public sealed class ConfigTensor
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("datatype")] public string DataType { get; set; } = "FP32";
    [JsonPropertyName("dims")] public long[] Dims { get; set; } = [];
}
