namespace Commerce.InferenceClient;

/// <summary>
/// frame_embedder (ResNet18 from Microsoft.ML.DnnImageFeaturizer.ResNet18). Input <see cref="Image"/> FP32
/// [N,3,224,224]: RGB planes (NCHW), values 0..1, the frame resized to 224x224; the model itself scales to 0..255,
/// reorders to BGR and subtracts its mean image. Output <see cref="Features"/> FP32 [N,512] (global average pool, not
/// normalised: L2-normalise before cosine similarity).
/// </summary>
public static class FrameEmbedderTensors
{
    public const string Image = "image";
    public const string Features = "features";
    public const int Side = 224;
    public const int FeatureCount = 512;
}
