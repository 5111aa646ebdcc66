using System.Runtime.InteropServices;
using Commerce.Inference.Domain;
using Commerce.Protos.Inference;
using Commerce.ServiceDefaults.Errors;
using Google.Protobuf;

namespace Commerce.Inference.Grpc;

/// <summary>
/// Protocol tensors to domain tensors: raw_input_contents (little-endian bytes, one entry per input, in order) or the
/// typed contents of each input (fp32_contents, int64_contents, uint_contents for UINT8, ...). Outputs always go back
/// as raw_output_contents, as Triton answers over gRPC.
/// </summary>
public static class TensorContents
{
    public static IReadOnlyList<InferenceTensor> ToDomain(ModelInferRequest request)
    {
        var useRaw = request.RawInputContents.Count > 0;
        if (useRaw && request.RawInputContents.Count != request.Inputs.Count)
        {
            throw new InvalidInputException($"raw_input_contents has {request.RawInputContents.Count} entries for {request.Inputs.Count} inputs: give one per input, in order");
        }

        var tensors = new List<InferenceTensor>(request.Inputs.Count);
        for (var i = 0; i < request.Inputs.Count; i++)
        {
            var input = request.Inputs[i];
            if (string.IsNullOrEmpty(input.Name)) throw new InvalidInputException($"input {i} has no name");
            if (!TensorDataTypes.IsKnown(input.Datatype))
            {
                throw new InvalidInputException($"input '{input.Name}' has datatype '{input.Datatype}'; use FP32, FP64, FP16, UINT8, INT8, INT32, INT64 or BOOL");
            }

            if (useRaw && input.Contents is not null && !IsEmpty(input.Contents))
            {
                throw new InvalidInputException($"input '{input.Name}' has both typed contents and raw_input_contents: use one");
            }

            var data = useRaw ? request.RawInputContents[i].Memory : FromTyped(input);
            tensors.Add(new InferenceTensor(input.Name, input.Datatype, input.Shape.ToArray(), data));
        }

        return tensors;
    }

    public static ModelInferResponse ToResponse(ModelInferRequest request, ServedModelVersion version, IReadOnlyList<InferenceTensor> outputs)
    {
        var response = new ModelInferResponse { ModelName = version.Model, ModelVersion = version.Version.ToString(), Id = request.Id };
        foreach (var output in outputs)
        {
            var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = output.Name, Datatype = output.DataType };
            tensor.Shape.AddRange(output.Shape);
            response.Outputs.Add(tensor);
            response.RawOutputContents.Add(UnsafeByteOperations.UnsafeWrap(output.Data));
        }

        return response;
    }

    private static ReadOnlyMemory<byte> FromTyped(ModelInferRequest.Types.InferInputTensor input)
    {
        var c = input.Contents ?? new InferTensorContents();
        return input.Datatype switch
        {
            "FP32" => Bytes<float>(c.Fp32Contents.ToArray()),
            "FP64" => Bytes<double>(c.Fp64Contents.ToArray()),
            "INT64" => Bytes<long>(c.Int64Contents.ToArray()),
            "INT32" => Bytes<int>(c.IntContents.ToArray()),
            "INT8" => c.IntContents.Select(v => unchecked((byte)(sbyte)v)).ToArray(),
            "UINT8" => c.UintContents.Select(v => v <= byte.MaxValue ? (byte)v : throw new InvalidInputException($"input '{input.Name}' is UINT8 but holds {v}")).ToArray(),
            "BOOL" => c.BoolContents.Select(v => v ? (byte)1 : (byte)0).ToArray(),
            _ => throw new InvalidInputException($"input '{input.Name}' is {input.Datatype}: send it in raw_input_contents"),
        };
    }

    private static byte[] Bytes<T>(T[] values) where T : struct => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static bool IsEmpty(InferTensorContents c) =>
        c.BoolContents.Count + c.IntContents.Count + c.Int64Contents.Count + c.UintContents.Count + c.Uint64Contents.Count
        + c.Fp32Contents.Count + c.Fp64Contents.Count + c.BytesContents.Count == 0;
}
