using System.Text.Json.Serialization;

namespace Commerce.ModelBuilder;

/// <summary>
/// The per-model <c>config.json</c> of the repository, with Triton's field names (dims exclude the batch dimension when
/// max_batch_size &gt; 0). The host reads the same file (Commerce.Inference.Domain.ModelConfig).
/// </summary>
public sealed class ModelConfig
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("platform")] public string Platform { get; set; } = "onnxruntime_onnx";
    [JsonPropertyName("max_batch_size")] public int MaxBatchSize { get; set; }
    [JsonPropertyName("max_queue_delay_ms")] public int MaxQueueDelayMs { get; set; }
    [JsonPropertyName("preferred_batch_sizes")] public int[] PreferredBatchSizes { get; set; } = [];
    [JsonPropertyName("inputs")] public TensorConfig[] Inputs { get; set; } = [];
    [JsonPropertyName("outputs")] public TensorConfig[] Outputs { get; set; } = [];
}

public sealed class TensorConfig
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("datatype")] public string DataType { get; set; } = "FP32";
    [JsonPropertyName("dims")] public long[] Dims { get; set; } = [];
}
