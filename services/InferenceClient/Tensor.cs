using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Commerce.InferenceClient;

/// <summary>
/// A named tensor with its Open Inference Protocol datatype (FP32, UINT8, INT64), shape (row-major) and data as
/// little-endian bytes, the layout of <c>raw_input_contents</c>. Build one with <see cref="Float"/>,
/// <see cref="UInt8"/> or <see cref="Int64"/>; read one with <see cref="ToFloats"/> and friends.
/// </summary>
public sealed class Tensor
{
    private Tensor(string name, string dataType, long[] shape, ByteString data)
    {
        var expected = ElementCount(shape) * ElementSize(dataType);
        if (data.Length != expected)
        {
            throw new ArgumentException($"tensor '{name}': shape [{string.Join(",", shape)}] of {dataType} needs {expected} bytes, got {data.Length}");
        }

        Name = name;
        DataType = dataType;
        Shape = shape;
        Data = data;
    }

    public string Name { get; }

    public string DataType { get; }

    public long[] Shape { get; }

    public ByteString Data { get; }

    public static Tensor Float(string name, ReadOnlySpan<float> values, params long[] shape) =>
        new(name, "FP32", shape, ByteString.CopyFrom(MemoryMarshal.AsBytes(values)));

    public static Tensor UInt8(string name, ReadOnlySpan<byte> values, params long[] shape) =>
        new(name, "UINT8", shape, ByteString.CopyFrom(values));

    public static Tensor Int64(string name, ReadOnlySpan<long> values, params long[] shape) =>
        new(name, "INT64", shape, ByteString.CopyFrom(MemoryMarshal.AsBytes(values)));

    /// <summary>A tensor received in the protocol's raw form.</summary>
    public static Tensor FromRaw(string name, string dataType, long[] shape, ByteString data) => new(name, dataType, shape, data);

    public float[] ToFloats() => Read<float>("FP32");

    public byte[] ToBytes() => Read<byte>("UINT8");

    public long[] ToInt64s() => Read<long>("INT64");

    /// <summary>Row <paramref name="index"/> of the leading (batch) dimension, e.g. one image's 512 features.</summary>
    public float[] FloatRow(int index)
    {
        var all = ToFloats();
        var rowLength = Shape.Length == 0 || Shape[0] == 0 ? 0 : all.Length / (int)Shape[0];
        return all.AsSpan(index * rowLength, rowLength).ToArray();
    }

    public static long ElementCount(IEnumerable<long> shape) => shape.Aggregate(1L, (a, d) => a * d);

    public static int ElementSize(string dataType) => dataType switch
    {
        "FP32" or "INT32" or "UINT32" => 4,
        "INT64" or "UINT64" or "FP64" => 8,
        "UINT8" or "INT8" or "BOOL" => 1,
        "FP16" or "INT16" or "UINT16" => 2,
        _ => throw new ArgumentException($"datatype '{dataType}' has no fixed element size"),
    };

    private T[] Read<T>(string expected) where T : struct
    {
        if (DataType != expected)
        {
            throw new InvalidOperationException($"tensor '{Name}' is {DataType}, not {expected}");
        }

        return MemoryMarshal.Cast<byte, T>(Data.Span).ToArray();
    }
}
