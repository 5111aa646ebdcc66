using Microsoft.ML;
using Microsoft.ML.Data;

namespace Commerce.Reco.Domain;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree, binary: "will the buyer engage with this candidate") over the ranking
/// features. FastTree rather than LightGBM: the same model family, fully managed, and it trains in about a second on the
/// few thousand candidate rows of the evaluation log.
/// </summary>
public sealed class LearnedRanker : IRanker
{
    private readonly ThreadLocal<PredictionEngine<RankingRow, RankingScore>> _engines;

    private LearnedRanker(MLContext ml, ITransformer model, int trainingRows)
    {
        _engines = new ThreadLocal<PredictionEngine<RankingRow, RankingScore>>(() => ml.Model.CreatePredictionEngine<RankingRow, RankingScore>(model));
        TrainingRows = trainingRows;
    }

    public string Name => "fasttree";

    public int TrainingRows { get; }

    public float Score(float[] features) => _engines.Value!.Predict(new RankingRow { Features = features }).Score;

    /// <summary>Trains on (features, engaged) rows; null when there are too few rows or only one class.</summary>
    public static LearnedRanker? Train(IReadOnlyList<(float[] Features, bool Label)> rows, int seed = 1)
    {
        if (rows.Count < 100 || rows.All(r => r.Label) || rows.All(r => !r.Label)) return null;
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new RankingRow { Features = r.Features, Label = r.Label }));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 60, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 10, LearningRate = 0.15, NumberOfThreads = 1,
            FeatureColumnName = nameof(RankingRow.Features), LabelColumnName = nameof(RankingRow.Label),
        });
        var model = trainer.Fit(data);
        return new LearnedRanker(ml, model, rows.Count);
    }

    public sealed class RankingRow
    {
        [VectorType(RankingFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public sealed class RankingScore
    {
        public float Score { get; set; }
    }
}
