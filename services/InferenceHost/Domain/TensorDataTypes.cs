using Microsoft.ML.OnnxRuntime.Tensors;

namespace Commerce.Inference.Domain;

/// <summary>The protocol's datatype names (FP32, UINT8, INT64, ...) and their ONNX Runtime element types.</summary>
public static class TensorDataTypes
{
    private static readonly Dictionary<TensorElementType, (string Name, int Size)> ByElement = new()
    {
        [TensorElementType.Float] = ("FP32", 4),
        [TensorElementType.Double] = ("FP64", 8),
        [TensorElementType.Float16] = ("FP16", 2),
        [TensorElementType.UInt8] = ("UINT8", 1),
        [TensorElementType.Int8] = ("INT8", 1),
        [TensorElementType.Int32] = ("INT32", 4),
        [TensorElementType.Int64] = ("INT64", 8),
        [TensorElementType.Bool] = ("BOOL", 1),
    };

    public static bool TryFromElementType(TensorElementType type, out string name, out int size)
    {
        if (ByElement.TryGetValue(type, out var entry))
        {
            (name, size) = entry;
            return true;
        }

        (name, size) = ("", 0);
        return false;
    }

    public static TensorElementType ToElementType(string dataType) =>
        ByElement.First(e => e.Value.Name == dataType).Key;

    public static int SizeOf(string dataType) => ByElement.Values.First(e => e.Name == dataType).Size;

    public static bool IsKnown(string dataType) => ByElement.Values.Any(e => e.Name == dataType);

    public static long ElementCount(IReadOnlyList<long> shape)
    {
        long count = 1;
        foreach (var dim in shape) count = checked(count * dim);
        return count;
    }
}
