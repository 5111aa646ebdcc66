namespace Commerce.Clip.Domain;

/// <summary>
/// The clip_scorer model: one score per feature row (FeatureExtractor.Count columns), higher is a better clip of the
/// row's kind (trained to predict the overlap with a planted moment). Served through InferenceHost or in-process.
/// </summary>
public interface IClipScorer
{
    Task<float[]> ScoreAsync(float[][] rows, CancellationToken cancellationToken);
}

/// <summary>The scorer cannot be reached right now (InferenceHost down, model not loaded): the job waits and retries.</summary>
public sealed class ScorerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
