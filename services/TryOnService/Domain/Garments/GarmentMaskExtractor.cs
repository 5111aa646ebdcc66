using Commerce.ServiceDefaults.Errors;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Garments;

/// <summary>
/// The garment's silhouette in a product photo on a plain background: the background colour is the median of the
/// border pixels (library photos are shot on one sheet of colour), pixels far from it in Lab are garment, and the largest
/// component, holes filled, is kept. A photo whose border is not one colour is refused rather than guessed at.
/// </summary>
public static class GarmentMaskExtractor
{
    private const double BackgroundDistance = 18.0; // Lab units; about 8x a just-noticeable difference
    private const double MaxBorderSpread = 20.0;

    /// <summary>CV_8U mask, 255 on the garment.</summary>
    public static Mat Extract(Mat bgr)
    {
        using var lab = new Mat();
        Cv2.CvtColor(bgr, lab, ColorConversionCodes.BGR2Lab);
        var border = BorderPixels(lab);
        var background = new Vec3d(Median(border, 0), Median(border, 1), Median(border, 2));
        var spread = border.Select(p => Distance(p, background)).OrderBy(d => d).ElementAt((int)(border.Count * 0.8));
        if (spread > MaxBorderSpread)
        {
            throw new PreconditionFailedException("the garment photo needs a plain background (its edges are not one colour)");
        }

        using var labF = new Mat();
        lab.ConvertTo(labF, MatType.CV_32FC3);
        using var diff = new Mat();
        Cv2.Subtract(labF, new Scalar(background.Item0, background.Item1, background.Item2), diff);
        using var squared = new Mat();
        Cv2.Multiply(diff, diff, squared);
        var channels = Cv2.Split(squared);
        using var sum = new Mat();
        Cv2.Add(channels[0], channels[1], sum);
        Cv2.Add(sum, channels[2], sum);
        foreach (var c in channels) c.Dispose();
        using var mask = new Mat();
        Cv2.Threshold(sum, mask, BackgroundDistance * BackgroundDistance, 255, ThresholdTypes.Binary);
        using var mask8 = new Mat();
        mask.ConvertTo(mask8, MatType.CV_8U);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 5));
        Cv2.MorphologyEx(mask8, mask8, MorphTypes.Close, kernel);
        Cv2.MorphologyEx(mask8, mask8, MorphTypes.Open, kernel);

        Cv2.FindContours(mask8, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        if (contours.Length == 0) throw new PreconditionFailedException("no garment found in the garment photo");
        var largest = contours.OrderByDescending(c => Cv2.ContourArea(c)).First();
        if (Cv2.ContourArea(largest) < 0.03 * bgr.Width * bgr.Height) throw new PreconditionFailedException("no garment found in the garment photo");
        var result = new Mat(bgr.Size(), MatType.CV_8U, Scalar.All(0));
        Cv2.DrawContours(result, [largest], -1, Scalar.All(255), -1);
        return result;
    }

    private static List<Vec3b> BorderPixels(Mat lab)
    {
        var list = new List<Vec3b>();
        var width = lab.Width;
        var height = lab.Height;
        var step = Math.Max(1, Math.Max(width, height) / 256);
        for (var x = 0; x < width; x += step)
        {
            list.Add(lab.At<Vec3b>(0, x));
            list.Add(lab.At<Vec3b>(height - 1, x));
        }

        for (var y = 0; y < height; y += step)
        {
            list.Add(lab.At<Vec3b>(y, 0));
            list.Add(lab.At<Vec3b>(y, width - 1));
        }

        return list;
    }

    private static double Median(List<Vec3b> values, int channel) => values.Select(v => (double)v[channel]).OrderBy(v => v).ElementAt(values.Count / 2);

    private static double Distance(Vec3b p, Vec3d q)
    {
        var a = p.Item0 - q.Item0;
        var b = p.Item1 - q.Item1;
        var c = p.Item2 - q.Item2;
        return Math.Sqrt(a * a + b * b + c * c);
    }
}
