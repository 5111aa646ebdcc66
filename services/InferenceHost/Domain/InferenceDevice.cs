namespace Commerce.Inference.Domain;

/// <summary><c>Inference:Device</c>: auto tries CUDA and falls back to CPU; cuda insists (models fail without it).</summary>
public enum InferenceDevice
{
    Auto,
    Cuda,
    Cpu,
}
