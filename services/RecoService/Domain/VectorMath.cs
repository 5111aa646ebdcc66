using System.Numerics;

namespace Commerce.Reco.Domain;

/// <summary>SIMD dot products over <see cref="Vector{T}"/>: the exact search the ANN index is measured against.</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - n; i += n) acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm < 1e-12f) return;
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
    }

    public static void AddScaled(Span<float> into, ReadOnlySpan<float> v, float scale)
    {
        for (var i = 0; i < into.Length; i++) into[i] += v[i] * scale;
    }
}
