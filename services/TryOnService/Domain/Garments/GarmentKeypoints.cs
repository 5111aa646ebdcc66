using OpenCvSharp;

namespace Commerce.TryOn.Domain.Garments;

/// <summary>
/// Keypoints of a flat-laid garment read off its silhouette: collar (top centre), shoulders (the silhouette's extent a
/// tenth of the way down), hem corners (the run of the bottom row that holds the centre, so long sleeves hanging beside
/// the body are not taken for the hem); for trousers the waistband corners, the crotch (where the gap between the legs
/// ends) and each leg's hem.
/// </summary>
public sealed record GarmentKeypoints(IReadOnlyDictionary<string, Point2d> Points)
{
    public Point2d this[string name] => Points[name];

    public static GarmentKeypoints Find(Mat mask, GarmentFit fit)
    {
        var box = Cv2.BoundingRect(mask);
        var points = new Dictionary<string, Point2d>();
        var centre = box.X + box.Width / 2;
        if (fit == GarmentFit.Trousers)
        {
            var waistRow = box.Y + (int)(box.Height * 0.03);
            var (wl, wr) = Extent(mask, waistRow, box);
            points["waist_left"] = new Point2d(wl, waistRow);
            points["waist_right"] = new Point2d(wr, waistRow);
            var crotch = box.Y + (int)(box.Height * 0.4);
            for (var y = box.Bottom - 1; y > box.Y; y--)
            {
                if (mask.At<byte>(y, centre) != 0) { crotch = y; break; }
            }

            points["crotch"] = new Point2d(centre, crotch);
            var hemRow = box.Y + (int)(box.Height * 0.97);
            var runs = Runs(mask, hemRow, box);
            var left = runs.First();
            var right = runs.Last();
            points["hem_left_outer"] = new Point2d(left.Start, hemRow);
            points["hem_left_inner"] = new Point2d(runs.Count > 1 ? left.End : centre, hemRow);
            points["hem_right_inner"] = new Point2d(runs.Count > 1 ? right.Start : centre, hemRow);
            points["hem_right_outer"] = new Point2d(right.End, hemRow);
            return new GarmentKeypoints(points);
        }

        var topRow = box.Y + 1;
        var topRuns = Runs(mask, topRow, box);
        var collar = topRuns.Count == 0 ? centre : (topRuns.First().Start + topRuns.Last().End) / 2;
        points["collar"] = new Point2d(collar, box.Y);
        var shoulderRow = box.Y + (int)(box.Height * 0.1);
        var (sl, sr) = Extent(mask, shoulderRow, box);
        points["shoulder_left"] = new Point2d(sl, shoulderRow);
        points["shoulder_right"] = new Point2d(sr, shoulderRow);
        var hemRowTop = box.Y + (int)(box.Height * 0.97);
        var hemRuns = Runs(mask, hemRowTop, box);
        (int Start, int End) torso = hemRuns.Count == 0 ? (box.X, box.Right - 1) : hemRuns.OrderBy(r => Math.Abs((r.Start + r.End) / 2 - centre)).First();
        points["hem_left"] = new Point2d(torso.Start, hemRowTop);
        points["hem_right"] = new Point2d(torso.End, hemRowTop);
        points["hem_centre"] = new Point2d((torso.Start + torso.End) / 2.0, hemRowTop);
        return new GarmentKeypoints(points);
    }

    private static (int Left, int Right) Extent(Mat mask, int row, Rect box)
    {
        var runs = Runs(mask, row, box);
        return runs.Count == 0 ? (box.X, box.Right - 1) : (runs.First().Start, runs.Last().End);
    }

    private static List<(int Start, int End)> Runs(Mat mask, int row, Rect box)
    {
        var runs = new List<(int Start, int End)>();
        var start = -1;
        for (var x = box.X; x < box.Right; x++)
        {
            var on = mask.At<byte>(row, x) != 0;
            if (on && start < 0) start = x;
            if (!on && start >= 0)
            {
                runs.Add((start, x - 1));
                start = -1;
            }
        }

        if (start >= 0) runs.Add((start, box.Right - 1));
        // Ignore specks: runs under 2% of the garment's width.
        return runs.Where(r => r.End - r.Start + 1 >= Math.Max(2, box.Width / 50)).ToList();
    }
}
