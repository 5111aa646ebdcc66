using System.Reflection;
using Onnx;
using static Commerce.ModelBuilder.OnnxGraph;

namespace Commerce.ModelBuilder;

/// <summary>
/// frame_embedder: ResNet18 (Microsoft.ML.DnnImageFeaturizer.ResNet18, a CNTK export) with the package's own
/// preprocessing folded in front, so callers send <c>image</c> [N,3,224,224] RGB FP32 in 0..1 and get
/// <c>features</c> [N,512] (the global average pool). Inside: x * 255, RGB to BGR, minus the package's 224x224 mean
/// image (ResNetPreprocess.onnx), the Caffe-style convention the weights were trained with. The batch dimension is
/// made symbolic (OnnxSharp SetDim) so the host can batch frames.
/// </summary>
public static class FrameEmbedderModel
{
    public const string InputName = "image";
    public const string OutputName = "features";
    public const int Side = 224;
    public const int FeatureCount = 512;

    public static ModelConfig Config => new()
    {
        Name = "frame_embedder",
        MaxBatchSize = 16,
        MaxQueueDelayMs = 5,
        PreferredBatchSizes = [4, 8],
        Inputs = [new TensorConfig { Name = InputName, Dims = [3, Side, Side] }],
        Outputs = [new TensorConfig { Name = OutputName, Dims = [FeatureCount] }],
    };

    public static string PackageFolder()
    {
        var folder = typeof(FrameEmbedderModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ResNet18PackageFolder").Value;
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Microsoft.ML.DnnImageFeaturizer.ResNet18 package folder '{folder}' not found: run dotnet restore");
        }

        return folder;
    }

    public static void Build(string modelPath, string packageFolder)
    {
        var models = Path.Combine(packageFolder, "tools", "DnnImageModels");
        var resnet = ModelProto.Parser.ParseFromFile(Path.Combine(models, "ResNet18Onnx", "ResNet18.onnx"));
        var prep = ModelProto.Parser.ParseFromFile(Path.Combine(models, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        var graph = resnet.Graph;
        graph.Clean();

        var resnetInput = graph.Input.Single(i => i.Name == "Input247");
        var pooled = graph.Output.Single();
        graph.Input.Remove(resnetInput);
        graph.Input.Insert(0, FloatTensor(InputName, 1, 3, Side, Side));

        // image -> OriginalInput (0..255) -> the preprocessing graph -> PreprocessedInput, fed to ResNet's first conv.
        var front = new List<NodeProto> { Node("Mul", [InputName, "pixel_scale"], "OriginalInput") };
        front.AddRange(prep.Graph.Node);
        front.Add(Node("Identity", ["PreprocessedInput"], resnetInput.Name));
        for (var i = 0; i < front.Count; i++) graph.Node.Insert(i, front[i]);
        graph.Initializer.Add(FloatInitializer("pixel_scale", [], 255f));
        graph.Initializer.AddRange(prep.Graph.Initializer);

        graph.Node.Add(Node("Flatten", [pooled.Name], OutputName, Int("axis", 1)));
        graph.Output.Clear();
        graph.Output.Add(FloatTensor(OutputName, 1, FeatureCount));
        graph.ValueInfo.Clear();

        graph.SetDim();
        resnet.WriteToFile(modelPath);
    }
}
