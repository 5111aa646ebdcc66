using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace Commerce.Inference.Domain;

/// <summary>One ONNX Runtime session and the tensors it declares, run over protocol tensors (bytes in, bytes out).</summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    public OnnxModel(string onnxPath, SessionOptions options)
    {
        _session = new InferenceSession(onnxPath, options);
        Inputs = _session.InputNames.Select(n => Spec(n, _session.InputMetadata[n])).ToArray();
        Outputs = _session.OutputNames.Select(n => Spec(n, _session.OutputMetadata[n])).ToArray();
        OutputNames = Outputs.Select(o => o.Name).ToArray();
    }

    public IReadOnlyList<TensorSpec> Inputs { get; }

    public IReadOnlyList<TensorSpec> Outputs { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Runs with <paramref name="inputs"/> in <see cref="Inputs"/> order; returns every output in <see cref="Outputs"/> order.</summary>
    public IReadOnlyList<InferenceTensor> Run(IReadOnlyList<InferenceTensor> inputs)
    {
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var input in inputs)
            {
                var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance,
                    TensorDataTypes.ToElementType(input.DataType), input.Shape);
                values.Add(value);
                if (input.Data.Length > 0) input.Data.Span.CopyTo(value.GetTensorMutableRawData());
            }

            using var results = _session.Run(_runOptions, inputs.Select(i => i.Name).ToArray(), values, OutputNames);
            var outputs = new InferenceTensor[results.Count];
            var index = 0;
            foreach (var result in results)
            {
                var info = result.GetTensorTypeAndShape();
                TensorDataTypes.TryFromElementType(info.ElementDataType, out var dataType, out _);
                var bytes = info.ElementCount == 0 ? [] : result.GetTensorMutableRawData().ToArray();
                outputs[index] = new InferenceTensor(OutputNames[index], dataType, info.Shape, bytes);
                index++;
            }

            return outputs;
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static TensorSpec Spec(string name, NodeMetadata metadata)
    {
        if (!metadata.IsTensor || !TensorDataTypes.TryFromElementType(metadata.ElementDataType, out var dataType, out _))
        {
            throw new NotSupportedException($"tensor '{name}' has type {metadata.ElementDataType}, which the protocol adapter does not serve");
        }

        return new TensorSpec(name, dataType, metadata.Dimensions.Select(d => d < 0 ? -1L : d).ToArray());
    }
}
