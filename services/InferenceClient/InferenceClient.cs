using System.Runtime.InteropServices;
using Commerce.Protos.Inference;
using Google.Protobuf;
using Grpc.Core;

namespace Commerce.InferenceClient;

/// <summary>
/// Calls models on InferenceHost (or any Open Inference Protocol server: Triton speaks the same API) with plain
/// arrays. Inputs travel as <c>raw_input_contents</c>; outputs are read from raw or typed contents, whichever the
/// server sent. Errors arrive as <see cref="RpcException"/>: NotFound (no such model), InvalidArgument (wrong name,
/// dtype or shape: the message names the expected tensor), ResourceExhausted (request too large), Unavailable
/// (model not ready).
/// </summary>
public sealed class InferenceClient(GRPCInferenceService.GRPCInferenceServiceClient grpc)
{
    public async Task<InferResult> InferAsync(string model, IReadOnlyList<Tensor> inputs, string? version = null,
        CancellationToken cancellationToken = default)
    {
        var request = new ModelInferRequest { ModelName = model, ModelVersion = version ?? "" };
        foreach (var input in inputs)
        {
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = input.Name, Datatype = input.DataType };
            tensor.Shape.AddRange(input.Shape);
            request.Inputs.Add(tensor);
            request.RawInputContents.Add(input.Data);
        }

        var response = await grpc.ModelInferAsync(request, cancellationToken: cancellationToken);
        return ToResult(response);
    }

    /// <summary>One FP32 input in, the named FP32 output back: the common case (features, scores).</summary>
    public async Task<float[]> InferFloatsAsync(string model, string inputName, float[] values, long[] shape, string outputName,
        CancellationToken cancellationToken = default)
    {
        var result = await InferAsync(model, [Tensor.Float(inputName, values, shape)], cancellationToken: cancellationToken);
        return result[outputName].ToFloats();
    }

    public async Task<bool> IsModelReadyAsync(string model, CancellationToken cancellationToken = default) =>
        (await grpc.ModelReadyAsync(new ModelReadyRequest { Name = model }, cancellationToken: cancellationToken)).Ready;

    public Task<ModelMetadataResponse> GetMetadataAsync(string model, CancellationToken cancellationToken = default) =>
        grpc.ModelMetadataAsync(new ModelMetadataRequest { Name = model }, cancellationToken: cancellationToken).ResponseAsync;

    public static InferResult ToResult(ModelInferResponse response)
    {
        var outputs = new Dictionary<string, Tensor>();
        for (var i = 0; i < response.Outputs.Count; i++)
        {
            var output = response.Outputs[i];
            var shape = output.Shape.ToArray();
            var data = i < response.RawOutputContents.Count ? response.RawOutputContents[i] : FromContents(output);
            outputs[output.Name] = Tensor.FromRaw(output.Name, output.Datatype, shape, data);
        }

        return new InferResult(response.ModelName, response.ModelVersion, outputs);
    }

    private static ByteString FromContents(ModelInferResponse.Types.InferOutputTensor output) => output.Datatype switch
    {
        "FP32" => ByteString.CopyFrom(MemoryMarshal.AsBytes(output.Contents.Fp32Contents.ToArray().AsSpan())),
        "INT64" => ByteString.CopyFrom(MemoryMarshal.AsBytes(output.Contents.Int64Contents.ToArray().AsSpan())),
        "UINT8" => ByteString.CopyFrom(output.Contents.UintContents.Select(v => (byte)v).ToArray()),
        _ => throw new NotSupportedException($"output '{output.Name}' has datatype {output.Datatype}, which this client does not read"),
    };
}
