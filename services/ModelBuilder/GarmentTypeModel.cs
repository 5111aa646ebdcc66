using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Onnx;

namespace Commerce.ModelBuilder;

/// <summary>
/// garment_type: LightGBM multiclass on Fashion-MNIST, exported to ONNX with input <c>pixels</c> [-1,784]
/// (28x28 row-major grayscale, 0..1, light garment on a black background) and output <c>scores</c> [-1,10]
/// (class probabilities in <see cref="FashionMnist.ClassNames"/> order).
/// </summary>
public static class GarmentTypeModel
{
    public const string InputName = "pixels";
    public const string OutputName = "scores";

    // Measured here (2 cores): 100 iterations x 31 leaves took 187 s for 0.896. 30 iterations on 32 bins with half the
    // pixels per tree took 68 s (on a loaded machine) for 0.885: a build that fits in a prerequisite step.
    public const int Iterations = 30;
    public const int Leaves = 31;
    public const int MaxBins = 32;
    public const double FeatureFraction = 0.5;

    public static ModelConfig Config => new()
    {
        Name = "garment_type",
        MaxBatchSize = 256,
        MaxQueueDelayMs = 2,
        PreferredBatchSizes = [32, 64],
        Inputs = [new TensorConfig { Name = InputName, DataType = "FP32", Dims = [FashionMnist.PixelCount] }],
        Outputs = [new TensorConfig { Name = OutputName, DataType = "FP32", Dims = [FashionMnist.ClassNames.Length] }],
    };

    public static void Build(string modelPath, string? datasetFolder, TextWriter log)
    {
        var folder = datasetFolder ?? FashionMnist.DefaultFolder;
        var train = FashionMnist.Train(folder);
        var ml = new MLContext(seed: 1);
        var rows = train.Images.Select((image, i) => new Row { Features = image, Label = train.Labels[i] });
        // Labels are mapped to keys outside the exported model: a mapping inside it would make the ONNX graph demand a
        // Label input at inference (ENVIRONMENT.md).
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "Label",
            keyData: ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(k => new LabelOnly { Label = (uint)k })))
            .Fit(data).Transform(data);
        var cached = ml.Data.Cache(keyed);

        var stopwatch = Stopwatch.StartNew();
        var trainer = ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = Iterations,
            NumberOfLeaves = Leaves,
            NumberOfThreads = Environment.ProcessorCount,
            MaximumBinCountPerFeature = MaxBins,
            Booster = new GradientBooster.Options { FeatureFraction = FeatureFraction },
            Seed = 1,
            Silent = true,
        });
        var model = trainer.Fit(cached);
        log.WriteLine($"garment_type: trained LightGBM {Iterations} iterations x {Leaves} leaves in {stopwatch.Elapsed.TotalSeconds:F0} s");
        var test = FashionMnist.Test(folder);
        var testData = ml.Data.LoadFromEnumerable(test.Images.Select((image, i) => new Row { Features = image, Label = test.Labels[i] }));
        var keyedTest = ml.Transforms.Conversion.MapValueToKey("Label", "Label",
            keyData: ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(k => new LabelOnly { Label = (uint)k })))
            .Fit(testData).Transform(testData);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(keyedTest));
        log.WriteLine($"garment_type: ML.NET test accuracy {metrics.MicroAccuracy:F4} on {test.Labels.Length} images");

        var featuresOnly = ml.Data.LoadFromEnumerable(new[] { new FeaturesOnly { Features = new float[FashionMnist.PixelCount] } });
        var exported = Path.Combine(Path.GetDirectoryName(modelPath)!, "mlnet-export.onnx");
        using (var stream = File.Create(exported))
        {
            ml.Model.ConvertToOnnx(model, featuresOnly, stream);
        }

        Rename(exported, modelPath);
        File.Delete(exported);
    }

    /// <summary>Gives the exported graph the served names: one input <c>pixels</c>, one output <c>scores</c>.</summary>
    private static void Rename(string exportedPath, string modelPath)
    {
        var model = ModelProto.Parser.ParseFromFile(exportedPath);
        var graph = model.Graph;
        var input = graph.Input.Single(i => i.Name == "Features");
        var score = graph.Output.Single(o => o.Name == "Score.output");
        input.Name = InputName;
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == "Features") node.Input[i] = InputName;
            }
        }

        graph.Node.Add(new NodeProto { OpType = "Identity", Name = "scores_identity", Input = { score.Name }, Output = { OutputName } });
        var output = score.Clone();
        output.Name = OutputName;
        graph.Output.Clear();
        graph.Output.Add(output);
        model.WriteToFile(modelPath);
    }

    private sealed class Row
    {
        [VectorType(FashionMnist.PixelCount)]
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }
    }

    private sealed class LabelOnly
    {
        public uint Label { get; set; }
    }

    private sealed class FeaturesOnly
    {
        [VectorType(FashionMnist.PixelCount)]
        public float[] Features { get; set; } = [];
    }
}
