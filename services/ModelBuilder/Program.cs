using System.Text.Json;
using Commerce.ModelBuilder;
using Onnx;

// Builds the fleet's model repository in Triton's layout: <repository>/<model>/config.json and <model>/1/model.onnx.
//   Commerce.ModelBuilder <repository> [model ...]      (default: every model)
//   Commerce.ModelBuilder inspect <model.onnx>
if (args.Length >= 2 && args[0] == "inspect")
{
    var m = ModelProto.Parser.ParseFromFile(args[1]);
    Console.WriteLine($"opset {string.Join(",", m.OpsetImport.Select(o => o.Domain + ":" + o.Version))}");
    m.Graph.Info(Console.Out);
    return 0;
}

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Commerce.ModelBuilder <model-repository> [garment_type|tryon_composer|frame_embedder ...]");
    return 2;
}

var repository = Path.GetFullPath(args[0]);
var wanted = args.Length > 1 ? args[1..].ToHashSet() : ["garment_type", "tryon_composer", "frame_embedder"];
var datasetFolder = Environment.GetEnvironmentVariable("FASHION_MNIST_DIR");

foreach (var name in wanted)
{
    var started = DateTime.UtcNow;
    switch (name)
    {
        case "garment_type":
            Write(repository, GarmentTypeModel.Config, path => GarmentTypeModel.Build(path, datasetFolder, Console.Out));
            break;
        case "tryon_composer":
            Write(repository, TryOnComposerGraph.Config, path => TryOnComposerGraph.Build().WriteToFile(path));
            break;
        case "frame_embedder":
            Write(repository, FrameEmbedderModel.Config, path => FrameEmbedderModel.Build(path, FrameEmbedderModel.PackageFolder()));
            break;
        default:
            Console.Error.WriteLine($"unknown model '{name}'");
            return 2;
    }

    Console.WriteLine($"{name}: written in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
}

return 0;

// Builds into a scratch folder and swaps it in, so a failed build never leaves a half-written model to serve.
static void Write(string repository, ModelConfig config, Action<string> buildModel)
{
    var scratch = Path.Combine(repository, ".build-" + config.Name);
    if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    Directory.CreateDirectory(Path.Combine(scratch, "1"));
    buildModel(Path.Combine(scratch, "1", "model.onnx"));
    File.WriteAllText(Path.Combine(scratch, "config.json"), JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }));
    var target = Path.Combine(repository, config.Name);
    if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
    Directory.Move(scratch, target);
}
