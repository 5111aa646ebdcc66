namespace Commerce.Clip.Domain;

/// <summary>Prefix sums over a per-second series, so a segment's total is two lookups.</summary>
public sealed class Prefix
{
    private readonly double[] _sums;

    public Prefix(IReadOnlyList<double> values)
    {
        _sums = new double[values.Count + 1];
        for (var i = 0; i < values.Count; i++) _sums[i + 1] = _sums[i] + values[i];
    }

    public int Length => _sums.Length - 1;

    /// <summary>Sum over seconds [from, to), clamped to the series.</summary>
    public double Sum(int from, int to)
    {
        from = Math.Clamp(from, 0, Length);
        to = Math.Clamp(to, 0, Length);
        return to <= from ? 0 : _sums[to] - _sums[from];
    }

    public double Mean(int from, int to)
    {
        var f = Math.Clamp(from, 0, Length);
        var t = Math.Clamp(to, 0, Length);
        return t <= f ? 0 : (_sums[t] - _sums[f]) / (t - f);
    }
}
