namespace Commerce.Inference.Domain;

/// <summary>The <c>Inference</c> configuration section.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Triton-layout folder; a relative path is taken from the repository root (the folder of Commerce.Aspire.sln).</summary>
    public string ModelRepository { get; set; } = "eng/artifacts/model-repository";

    public InferenceDevice Device { get; set; } = InferenceDevice.Auto;

    public int CudaDeviceId { get; set; }

    /// <summary>0 lets ONNX Runtime choose (one thread per core).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>disabled, basic, extended or all (ONNX Runtime's GraphOptimizationLevel).</summary>
    public string GraphOptimization { get; set; } = "all";

    /// <summary>Total input bytes of one request; above it the request is refused with ResourceExhausted.</summary>
    public long MaxRequestBytes { get; set; } = 48L * 1024 * 1024;
}
