namespace Commerce.Reco.Domain;

/// <summary>Inner-product search over unit vectors stored row-major in one array (cache-friendly, no per-item objects).</summary>
public interface IVectorIndex
{
    int Count { get; }

    List<(int Id, float Score)> Search(ReadOnlySpan<float> query, int k);
}

/// <summary>Exact search: every row scored with SIMD. The reference for the ANN index's recall.</summary>
public sealed class ExactVectorIndex(float[] rows, int dims) : IVectorIndex
{
    public int Count => rows.Length / dims;

    public List<(int Id, float Score)> Search(ReadOnlySpan<float> query, int k)
    {
        var top = new TopK(k);
        var span = rows.AsSpan();
        for (var i = 0; i < Count; i++) top.Offer(i, VectorMath.Dot(query, span.Slice(i * dims, dims)));
        return top.Result();
    }
}
