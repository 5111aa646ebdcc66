using Commerce.TryOn.Domain.Body;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Garments;

/// <summary>
/// Where each garment keypoint goes on this body. Pose landmarks are joint centres, not the outline, so widths come from
/// the person mask at that height, clamped to proportions of the shoulder or hip-joint span (hands hanging beside the hips
/// would otherwise widen a hem to the wrists). Lengths follow the garment type: a top ends a little below the hip joints,
/// a coat halfway to the knees, a dress just below the knees, trousers at the ankles.
/// </summary>
public static class BodyTargets
{
    public static IReadOnlyList<(string Garment, Point2d Body)> For(GarmentFit fit, BodyAnalysis body)
    {
        var (sa, sb) = Ordered(body[Landmark.LeftShoulder], body[Landmark.RightShoulder]);
        var (ha, hb) = Ordered(body[Landmark.LeftHip], body[Landmark.RightHip]);
        var (ka, kb) = Ordered(body[Landmark.LeftKnee], body[Landmark.RightKnee]);
        var (aa, ab) = Ordered(body[Landmark.LeftAnkle], body[Landmark.RightAnkle]);
        var shoulderMid = Mid(sa, sb);
        var hipMid = Mid(ha, hb);
        var kneeMid = Mid(ka, kb);
        var ankleMid = Mid(aa, ab);
        var sw = Dist(sa, sb);
        var torso = Dist(shoulderMid, hipMid);
        var hipSpan = Dist(ha, hb);
        var down = Unit(hipMid - shoulderMid);
        var across = Unit(sb - sa);
        var result = new List<(string, Point2d)>();

        if (fit == GarmentFit.Trousers)
        {
            var waist = hipMid - down * (0.12 * Dist(hipMid, kneeMid));
            var waistHalf = Clamp(HalfWidth(body.PersonMask, waist), 0.7 * hipSpan, 1.3 * hipSpan);
            result.Add(("waist_left", waist - across * waistHalf));
            result.Add(("waist_right", waist + across * waistHalf));
            result.Add(("crotch", hipMid + (kneeMid - hipMid) * 0.3));
            var legHalf = 0.28 * hipSpan;
            var hemDown = down * (0.03 * Dist(hipMid, ankleMid));
            // Feet together (or seen from the side) would cross the two legs' inner hems and fold the spline: keep the
            // ankles at least a leg's width apart about their midpoint.
            if (Dist(aa, ab) < 2.2 * legHalf)
            {
                aa = ankleMid - across * (1.1 * legHalf);
                ab = ankleMid + across * (1.1 * legHalf);
            }
            result.Add(("hem_left_outer", aa + hemDown - across * legHalf));
            result.Add(("hem_left_inner", aa + hemDown + across * legHalf));
            result.Add(("hem_right_inner", ab + hemDown - across * legHalf));
            result.Add(("hem_right_outer", ab + hemDown + across * legHalf));
            return result;
        }

        var up = down * -1;
        result.Add(("collar", shoulderMid + up * (0.06 * torso)));
        result.Add(("shoulder_left", sa - across * (0.12 * sw) + up * (0.04 * torso)));
        result.Add(("shoulder_right", sb + across * (0.12 * sw) + up * (0.04 * torso)));
        var (hem, minHalf, maxHalf) = fit switch
        {
            GarmentFit.Coat => (hipMid + (kneeMid - hipMid) * 0.5, 0.5 * sw, 0.8 * sw),
            GarmentFit.Dress => (kneeMid + (ankleMid - kneeMid) * 0.15, 0.4 * sw, 0.8 * sw),
            _ => (hipMid + down * (0.12 * torso), 0.45 * sw, 0.7 * sw),
        };
        var half = Clamp(HalfWidth(body.PersonMask, hem), minHalf, maxHalf);
        result.Add(("hem_left", hem - across * half));
        result.Add(("hem_right", hem + across * half));
        result.Add(("hem_centre", hem));
        return result;
    }

    /// <summary>The body region a garment of this fit should cover (torso, torso and thighs, or legs), within the person mask; CV_8U.</summary>
    public static Mat ExpectedRegion(GarmentFit fit, BodyAnalysis body)
    {
        var targets = For(fit, body).ToDictionary(t => t.Garment, t => t.Body);
        Point2d[] polygon = fit == GarmentFit.Trousers
            ? [targets["waist_left"], targets["waist_right"], targets["hem_right_outer"], targets["hem_left_outer"]]
            : [targets["shoulder_left"], targets["collar"], targets["shoulder_right"], targets["hem_right"], targets["hem_left"]];
        var region = new Mat(body.PersonMask.Size(), MatType.CV_8U, Scalar.All(0));
        Cv2.FillPoly(region, [polygon.Select(p => new Point((int)p.X, (int)p.Y)).ToArray()], Scalar.All(255));
        Cv2.BitwiseAnd(region, body.PersonMask, region);
        return region;
    }

    private static double HalfWidth(Mat mask, Point2d at)
    {
        var cols = mask.Cols;
        var y = Math.Clamp((int)at.Y, 0, mask.Rows - 1);
        var x0 = Math.Clamp((int)at.X, 0, cols - 1);
        if (mask.At<byte>(y, x0) == 0) return 0;
        var left = x0;
        while (left > 0 && mask.At<byte>(y, left - 1) != 0) left--;
        var right = x0;
        while (right < cols - 1 && mask.At<byte>(y, right + 1) != 0) right++;
        return (right - left) / 2.0;
    }

    private static (Point2d A, Point2d B) Ordered(PoseLandmark p, PoseLandmark q)
    {
        var a = new Point2d(p.X, p.Y);
        var b = new Point2d(q.X, q.Y);
        return a.X <= b.X ? (a, b) : (b, a);
    }

    private static Point2d Mid(Point2d a, Point2d b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    private static double Dist(Point2d a, Point2d b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static Point2d Unit(Point2d v)
    {
        var n = Math.Sqrt(v.X * v.X + v.Y * v.Y);
        return n < 1e-9 ? new Point2d(0, 1) : new Point2d(v.X / n, v.Y / n);
    }

    private static double Clamp(double v, double lo, double hi) => Math.Min(Math.Max(v, lo), hi);
}
