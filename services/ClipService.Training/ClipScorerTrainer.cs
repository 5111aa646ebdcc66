using Microsoft.ML;
using Microsoft.ML.Data;

namespace Commerce.Clip.Training;

/// <summary>
/// Trains clip_scorer with ML.NET FastTree (regression on the IoU label) and exports it to ONNX with a data view that
/// holds only the Features column, so the exported model has one input ([-1, FeatureExtractor.Count]) and one score.
/// </summary>
public static class ClipScorerTrainer
{
    public sealed class Row
    {
        [VectorType(26)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    public sealed class FeaturesOnly
    {
        [VectorType(26)] public float[] Features { get; set; } = [];
    }

    public static void Train(IEnumerable<LabelledSession> sessions, string onnxPath, Action<string> log)
    {
        var ml = new MLContext(seed: 7);
        var sampler = new Random(11);
        var rows = sessions.SelectMany(s => TrainingRows.Of(s, sampler, keepNegatives: 0.15))
            .Select(r => new Row { Features = r.Features, Label = r.Label }).ToList();
        log($"training rows: {rows.Count} ({rows.Count(r => r.Label >= 0.5)} with IoU >= 0.5)");
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.15,
            NumberOfThreads = 2,
        });
        var model = trainer.Fit(data);
        var schemaView = ml.Data.LoadFromEnumerable(new[] { new FeaturesOnly { Features = new float[26] } });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(onnxPath))!);
        using (var stream = File.Create(onnxPath)) ml.Model.ConvertToOnnx(model, schemaView, stream);
        log($"wrote {onnxPath} ({new FileInfo(onnxPath).Length} bytes)");
    }
}
