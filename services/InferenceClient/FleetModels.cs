namespace Commerce.InferenceClient;

/// <summary>Names of the models in the fleet's repository (eng/artifacts/model-repository, built by eng/prereqs.sh).</summary>
public static class FleetModels
{
    /// <summary>Fashion-MNIST garment classifier: see <see cref="GarmentTypeTensors"/>.</summary>
    public const string GarmentType = "garment_type";

    /// <summary>Garment warp and composite onto a person: see <see cref="TryOnComposerTensors"/>.</summary>
    public const string TryOnComposer = "tryon_composer";

    /// <summary>ResNet18 512-d image features: see <see cref="FrameEmbedderTensors"/>.</summary>
    public const string FrameEmbedder = "frame_embedder";

    /// <summary>Clip segment scorer; ClipService trains it and writes <c>clip_scorer/&lt;version&gt;/model.onnx</c>.</summary>
    public const string ClipScorer = "clip_scorer";
}
