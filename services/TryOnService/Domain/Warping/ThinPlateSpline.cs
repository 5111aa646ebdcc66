using OpenCvSharp;

namespace Commerce.TryOn.Domain.Warping;

/// <summary>
/// A 2-D thin-plate spline through control points (Bookstein 1989, "Principal warps", IEEE PAMI 11(6)): the smoothest
/// (minimum bending energy) map taking each source point exactly to its target, affine far from them. Fitted from body
/// points to garment points, it tells each person pixel where in the garment photo to sample.
/// </summary>
public sealed class ThinPlateSpline
{
    private readonly Point2d[] _sources;
    private readonly double[] _wx;
    private readonly double[] _wy;

    public ThinPlateSpline(IReadOnlyList<Point2d> sources, IReadOnlyList<Point2d> targets, double regularisation = 1e-3)
    {
        var n = sources.Count;
        if (n < 3 || targets.Count != n) throw new ArgumentException("a thin-plate spline needs at least 3 matching points");
        _sources = sources.ToArray();
        var size = n + 3;
        var l = new double[size, size];
        var scale = Scale(_sources);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) l[i, j] = i == j ? regularisation * scale * scale : Kernel(Distance2(_sources[i], _sources[j]));
            l[i, n] = 1;
            l[i, n + 1] = _sources[i].X;
            l[i, n + 2] = _sources[i].Y;
            l[n, i] = 1;
            l[n + 1, i] = _sources[i].X;
            l[n + 2, i] = _sources[i].Y;
        }

        using var lm = Mat.FromPixelData(size, size, MatType.CV_64F, Flatten(l));
        using var bx = new Mat(size, 1, MatType.CV_64F, Scalar.All(0));
        using var by = new Mat(size, 1, MatType.CV_64F, Scalar.All(0));
        for (var i = 0; i < n; i++)
        {
            bx.Set(i, 0, targets[i].X);
            by.Set(i, 0, targets[i].Y);
        }

        using var sx = new Mat();
        using var sy = new Mat();
        Cv2.Solve(lm, bx, sx, DecompTypes.SVD);
        Cv2.Solve(lm, by, sy, DecompTypes.SVD);
        _wx = Enumerable.Range(0, size).Select(i => sx.At<double>(i, 0)).ToArray();
        _wy = Enumerable.Range(0, size).Select(i => sy.At<double>(i, 0)).ToArray();
    }

    public Point2d Map(double x, double y)
    {
        var n = _sources.Length;
        var rx = _wx[n] + _wx[n + 1] * x + _wx[n + 2] * y;
        var ry = _wy[n] + _wy[n + 1] * x + _wy[n + 2] * y;
        for (var i = 0; i < n; i++)
        {
            var u = Kernel((x - _sources[i].X) * (x - _sources[i].X) + (y - _sources[i].Y) * (y - _sources[i].Y));
            rx += _wx[i] * u;
            ry += _wy[i] * u;
        }

        return new Point2d(rx, ry);
    }

    // U(r) = r^2 log r^2 (the factor 1/2 folds into the weights).
    private static double Kernel(double r2) => r2 < 1e-12 ? 0 : r2 * Math.Log(r2);

    private static double Distance2(Point2d a, Point2d b) => (a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y);

    private static double Scale(Point2d[] p) => Math.Max(1, p.Max(a => p.Max(b => Math.Sqrt(Distance2(a, b)))));

    private static double[] Flatten(double[,] m)
    {
        var rows = m.GetLength(0);
        var cols = m.GetLength(1);
        var flat = new double[rows * cols];
        for (var i = 0; i < rows; i++) for (var j = 0; j < cols; j++) flat[i * cols + j] = m[i, j];
        return flat;
    }
}
