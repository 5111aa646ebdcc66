using OpenCvSharp;

namespace Commerce.TryOn.Domain.Body;

/// <summary>
/// Where the person stays in front of the garment: the head with its hair (the person mask above the neck), and the
/// forearms and hands (thick segments elbow-wrist-fingers), as a photo of someone wearing the garment would show them.
/// </summary>
public static class KeepMask
{
    public const float MinVisibility = 0.5f;

    /// <summary>CV_8U, 255 where the person is kept.</summary>
    public static Mat Build(BodyAnalysis body)
    {
        var sa = body[Landmark.LeftShoulder];
        var sb = body[Landmark.RightShoulder];
        var ha = body[Landmark.LeftHip];
        var hb = body[Landmark.RightHip];
        var sw = Math.Sqrt((sa.X - sb.X) * (sa.X - sb.X) + (sa.Y - sb.Y) * (sa.Y - sb.Y));
        var torso = Math.Abs((ha.Y + hb.Y) / 2 - (sa.Y + sb.Y) / 2);
        var keep = new Mat(body.PersonMask.Size(), MatType.CV_8U, Scalar.All(0));

        // Head and hair: the person above the neck line (a tenth of the torso above the shoulders).
        var neckY = (int)Math.Clamp(Math.Min(sa.Y, sb.Y) - 0.1 * torso, 0, keep.Rows);
        if (neckY > 0)
        {
            using var top = new Mat(body.PersonMask, new Rect(0, 0, keep.Cols, neckY));
            using var dst = new Mat(keep, new Rect(0, 0, keep.Cols, neckY));
            top.CopyTo(dst);
        }

        var thickness = Math.Max(3, (int)(0.2 * sw));
        foreach (var (elbow, wrist, index, pinky) in new[]
                 {
                     (Landmark.LeftElbow, Landmark.LeftWrist, 19, 17),
                     (Landmark.RightElbow, Landmark.RightWrist, 20, 18),
                 })
        {
            var e = body[elbow];
            var w = body[wrist];
            if (w.Visibility < MinVisibility) continue;
            if (e.Visibility >= MinVisibility) Cv2.Line(keep, P(e), P(w), Scalar.All(255), thickness);
            Cv2.Circle(keep, P(w), (int)(0.16 * sw), Scalar.All(255), -1);
            foreach (var finger in new[] { index, pinky })
            {
                if (body[finger].Visibility >= MinVisibility) Cv2.Line(keep, P(w), P(body[finger]), Scalar.All(255), thickness);
            }
        }

        Cv2.BitwiseAnd(keep, body.PersonMask, keep);
        return keep;
    }

    private static Point P(PoseLandmark l) => new((int)l.X, (int)l.Y);
}
