namespace Commerce.Reco.Domain;

/// <summary>
/// Inverted-file ANN index (IVF-Flat, as in FAISS): spherical k-means puts the vectors into about sqrt(N) lists; a query
/// scans only the <c>probes</c> lists whose centroids are nearest. Rows are copied list by list into one array, so a
/// probe is a sequential SIMD scan. Chosen over HNSW because it is short, deterministic and builds in seconds at 100k.
/// </summary>
public sealed class IvfVectorIndex : IVectorIndex
{
    private readonly int _dims;
    private readonly float[] _centroids;
    private readonly int _lists;
    private readonly int[] _listStart;   // _lists + 1 offsets into _rows / _ids
    private readonly float[] _rows;
    private readonly int[] _ids;

    public int Probes { get; set; }

    public int Count => _ids.Length;

    public IvfVectorIndex(float[] rows, int dims, int? lists = null, int probes = 0, int seed = 7, int iterations = 8, int sampleSize = 20_000)
    {
        _dims = dims;
        var n = rows.Length / dims;
        _lists = Math.Max(1, lists ?? (int)Math.Sqrt(n));
        Probes = probes > 0 ? probes : Math.Max(1, _lists / 16);
        _centroids = new float[_lists * dims];
        var random = new Random(seed);

        var sample = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(Math.Min(n, Math.Max(sampleSize, _lists * 4))).ToArray();
        for (var c = 0; c < _lists; c++) Array.Copy(rows, sample[c % sample.Length] * dims, _centroids, c * dims, dims);
        var assign = new int[sample.Length];
        for (var it = 0; it < iterations; it++)
        {
            for (var s = 0; s < sample.Length; s++) assign[s] = Nearest(rows.AsSpan(sample[s] * dims, dims));
            var sums = new float[_lists * dims];
            var counts = new int[_lists];
            for (var s = 0; s < sample.Length; s++)
            {
                counts[assign[s]]++;
                VectorMath.AddScaled(sums.AsSpan(assign[s] * dims, dims), rows.AsSpan(sample[s] * dims, dims), 1f);
            }

            for (var c = 0; c < _lists; c++)
            {
                if (counts[c] == 0)
                {
                    // An empty list takes a random point, so no centroid is wasted.
                    Array.Copy(rows, sample[random.Next(sample.Length)] * dims, _centroids, c * dims, dims);
                    continue;
                }

                var span = sums.AsSpan(c * dims, dims);
                VectorMath.Normalize(span);
                span.CopyTo(_centroids.AsSpan(c * dims, dims));
            }
        }

        var listOf = new int[n];
        var sizes = new int[_lists];
        for (var i = 0; i < n; i++) sizes[listOf[i] = Nearest(rows.AsSpan(i * dims, dims))]++;
        _listStart = new int[_lists + 1];
        for (var c = 0; c < _lists; c++) _listStart[c + 1] = _listStart[c] + sizes[c];
        var fill = (int[])_listStart.Clone();
        _rows = new float[rows.Length];
        _ids = new int[n];
        for (var i = 0; i < n; i++)
        {
            var at = fill[listOf[i]]++;
            _ids[at] = i;
            Array.Copy(rows, i * dims, _rows, at * dims, dims);
        }
    }

    private int Nearest(ReadOnlySpan<float> v)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < _lists; c++)
        {
            var s = VectorMath.Dot(v, _centroids.AsSpan(c * _dims, _dims));
            if (s > bestScore) { bestScore = s; best = c; }
        }

        return best;
    }

    public List<(int Id, float Score)> Search(ReadOnlySpan<float> query, int k)
    {
        var probes = Math.Min(Probes, _lists);
        var nearest = new TopK(probes);
        for (var c = 0; c < _lists; c++) nearest.Offer(c, VectorMath.Dot(query, _centroids.AsSpan(c * _dims, _dims)));
        var top = new TopK(k);
        var rows = _rows.AsSpan();
        foreach (var (list, _) in nearest.Result())
        {
            for (var at = _listStart[list]; at < _listStart[list + 1]; at++)
            {
                top.Offer(_ids[at], VectorMath.Dot(query, rows.Slice(at * _dims, _dims)));
            }
        }

        return top.Result();
    }
}
