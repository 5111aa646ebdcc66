using Commerce.Clip.Domain;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Commerce.Clip.Training;

/// <summary>
/// clip_scorer run in-process with ONNX Runtime (CPU provider), for the trainer's check of its export, the evaluation
/// tests and the benchmark; the service itself scores on InferenceHost (InferenceClipScorer). The session is loaded
/// lazily; a missing model file is <see cref="ScorerUnavailableException"/>, as an unreachable host is.
/// </summary>
public sealed class OnnxClipScorer(string modelPath) : IClipScorer, IDisposable
{
    private readonly Lock _gate = new();
    private InferenceSession? _session;

    public Task<float[]> ScoreAsync(float[][] rows, CancellationToken cancellationToken)
    {
        if (rows.Length == 0) return Task.FromResult(Array.Empty<float>());
        var session = Session();
        var width = rows[0].Length;
        var flat = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++) rows[i].CopyTo(flat, i * width);
        var input = new DenseTensor<float>(flat, [rows.Length, width]);
        var inputName = session.InputMetadata.Keys.First();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
        var score = results.FirstOrDefault(r => r.Name.StartsWith("Score", StringComparison.Ordinal)) ?? results.First();
        return Task.FromResult(score.AsEnumerable<float>().ToArray());
    }

    private InferenceSession Session()
    {
        lock (_gate)
        {
            if (_session is not null) return _session;
            if (!File.Exists(modelPath))
            {
                throw new ScorerUnavailableException($"clip_scorer model not found at {modelPath} (eng/prereqs.sh builds it)");
            }

            using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 2 };
            _session = new InferenceSession(modelPath, options);
            return _session;
        }
    }

    public void Dispose() => _session?.Dispose();
}
