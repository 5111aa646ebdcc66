using Commerce.Clip.Domain;
using Commerce.InferenceClient;

namespace Commerce.Clip.Inference;

/// <summary>
/// clip_scorer on InferenceHost: feature rows in as <c>Features</c> [N,26], one <c>Score.output</c> per row back.
/// A 2-hour session has about 110,000 rows (37,000 candidates x 3 kinds); they go in chunks well under the model's
/// max_batch_size (65,536) and gRPC message limits, one after the other so the host's queue is not flooded.
/// </summary>
public sealed class InferenceClipScorer(InferenceClient.InferenceClient inference) : IClipScorer
{
    public const string FeaturesInput = "Features";
    public const string ScoreOutput = "Score.output";

    /// <summary>16,384 rows x 26 floats is 1.7 MB a request.</summary>
    public const int RowsPerRequest = 16_384;

    public async Task<float[]> ScoreAsync(float[][] rows, CancellationToken cancellationToken)
    {
        if (rows.Length == 0) return [];
        var width = rows[0].Length;
        var scores = new float[rows.Length];
        for (var start = 0; start < rows.Length; start += RowsPerRequest)
        {
            var count = Math.Min(RowsPerRequest, rows.Length - start);
            var flat = new float[count * width];
            for (var i = 0; i < count; i++) rows[start + i].CopyTo(flat, i * width);
            var chunk = await InferenceDependency.CallAsync(FleetModels.ClipScorer, () => inference.InferFloatsAsync(
                FleetModels.ClipScorer, FeaturesInput, flat, [count, width], ScoreOutput, cancellationToken), cancellationToken);
            if (chunk.Length != count)
            {
                throw new InvalidOperationException($"clip_scorer returned {chunk.Length} scores for {count} rows");
            }

            chunk.CopyTo(scores, start);
        }

        return scores;
    }
}
