using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Commerce.Reco.Domain;

/// <summary>
/// Gradient-boosted trees (ML.NET FastTree, binary: "will the buyer engage with this candidate") over the ranking
/// features. FastTree rather than LightGBM: the same model family, fully managed, and it trains in seconds on the
/// candidate rows of the evaluation log. Serving walks the trained trees from flat arrays instead of calling an ML.NET
/// prediction engine per candidate: a request scores up to 500 candidates, and the engine's per-call overhead and
/// allocations were most of a request's time. Training checks that both give the same scores.
/// </summary>
public sealed class LearnedRanker : IRanker
{
    private readonly FlatTrees _trees;

    private LearnedRanker(FlatTrees trees, int trainingRows)
    {
        _trees = trees;
        TrainingRows = trainingRows;
    }

    public string Name => "fasttree";

    public int TrainingRows { get; }

    public float Score(float[] features) => _trees.Score(features);

    /// <summary>Trains on (features, engaged) rows; null when there are too few rows or only one class.</summary>
    public static LearnedRanker? Train(IReadOnlyList<(float[] Features, bool Label)> rows, int seed = 1)
    {
        if (rows.Count < 100 || rows.All(r => r.Label) || rows.All(r => !r.Label)) return null;
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new RankingRow { Features = r.Features, Label = r.Label }));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 60, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 10, LearningRate = 0.15, NumberOfThreads = 1,
            FeatureColumnName = nameof(RankingRow.Features), LabelColumnName = nameof(RankingRow.Label),
        });
        var model = trainer.Fit(data);
        var trees = FlatTrees.From(model.Model.SubModel.TrainedTreeEnsemble);

        // The flat trees must score exactly as ML.NET does (same splits, same leaves); a mismatch is a bug here, not noise.
        var engine = ml.Model.CreatePredictionEngine<RankingRow, RankingScore>(model);
        foreach (var (features, _) in rows.Take(500))
        {
            var expected = engine.Predict(new RankingRow { Features = features }).Score;
            var actual = trees.Score(features);
            if (Math.Abs(expected - actual) > 1e-3 * Math.Max(1, Math.Abs(expected)))
                throw new InvalidOperationException($"flat trees score {actual} where ML.NET scores {expected}");
        }

        return new LearnedRanker(trees, rows.Count);
    }

    /// <summary>The ensemble as arrays: per node its feature, threshold and children (a negative child is ~leaf).</summary>
    private sealed class FlatTrees
    {
        private readonly int[][] _feature, _lte, _gt;
        private readonly float[][] _threshold;
        private readonly double[][] _leaf;
        private readonly double[] _weight;
        private readonly double _bias;

        private FlatTrees(int[][] feature, float[][] threshold, int[][] lte, int[][] gt, double[][] leaf, double[] weight, double bias)
        {
            (_feature, _threshold, _lte, _gt, _leaf, _weight, _bias) = (feature, threshold, lte, gt, leaf, weight, bias);
        }

        public static FlatTrees From(TreeEnsemble<RegressionTree> ensemble)
        {
            var trees = ensemble.Trees;
            if (trees.Any(t => t.CategoricalSplitFlags.Any(f => f))) throw new NotSupportedException("categorical splits");
            return new FlatTrees(
                trees.Select(t => t.NumericalSplitFeatureIndexes.ToArray()).ToArray(),
                trees.Select(t => t.NumericalSplitThresholds.ToArray()).ToArray(),
                trees.Select(t => t.LeftChild.ToArray()).ToArray(),
                trees.Select(t => t.RightChild.ToArray()).ToArray(),
                trees.Select(t => t.LeafValues.ToArray()).ToArray(),
                ensemble.TreeWeights.ToArray(), ensemble.Bias);
        }

        public float Score(float[] features)
        {
            var sum = _bias;
            for (var t = 0; t < _leaf.Length; t++)
            {
                var feature = _feature[t];
                if (feature.Length == 0) { sum += _weight[t] * _leaf[t][0]; continue; }
                var node = 0;
                while (node >= 0) node = features[feature[node]] <= _threshold[t][node] ? _lte[t][node] : _gt[t][node];
                sum += _weight[t] * _leaf[t][~node];
            }

            return (float)sum;
        }
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
