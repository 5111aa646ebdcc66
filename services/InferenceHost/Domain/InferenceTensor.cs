namespace Commerce.Inference.Domain;

/// <summary>A named tensor as the protocol carries it: datatype, row-major shape and little-endian bytes.</summary>
public sealed record InferenceTensor(string Name, string DataType, long[] Shape, ReadOnlyMemory<byte> Data)
{
    public long ElementCount => TensorDataTypes.ElementCount(Shape);
}
