namespace Commerce.TryOn.Domain.Sizing;

/// <summary>Inverse and Cholesky factor of the 4x4 (or smaller) covariance matrices of size advice.</summary>
public static class SmallMatrix
{
    public static double[,] Inverse(double[,] m)
    {
        var n = m.GetLength(0);
        var a = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) a[i, j] = m[i, j];
            a[i, n + i] = 1;
        }

        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            if (Math.Abs(a[pivot, c]) < 1e-15) throw new InvalidOperationException("singular covariance");
            if (pivot != c) for (var j = 0; j < 2 * n; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            var d = a[c, c];
            for (var j = 0; j < 2 * n; j++) a[c, j] /= d;
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var f = a[r, c];
                if (f == 0) continue;
                for (var j = 0; j < 2 * n; j++) a[r, j] -= f * a[c, j];
            }
        }

        var inv = new double[n, n];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) inv[i, j] = a[i, n + j];
        return inv;
    }

    public static double[,] Cholesky(double[,] m)
    {
        var n = m.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
        {
            var s = m[i, j];
            for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
            l[i, j] = i == j ? Math.Sqrt(Math.Max(s, 1e-18)) : s / l[j, j];
        }

        return l;
    }
}
