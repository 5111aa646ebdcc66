using Commerce.TryOn.Domain.Pipeline;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Garments;

/// <summary>
/// The garment photo as Fashion-MNIST pictured its products (Xiao, Rasul, Vollgraf 2017): trimmed to the garment, the
/// longest side scaled to 28 pixels and centred, greyscale inverted so the garment is light on a black background.
/// </summary>
public static class FashionMnistThumbnail
{
    public static FashionMnistPicture From(Mat bgr, Mat garmentMask)
    {
        var box = Cv2.BoundingRect(garmentMask);
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        using var inverted = new Mat();
        Cv2.BitwiseNot(gray, inverted);
        // Fashion-MNIST's light garments still show as ink: lift the garment to at least a faint grey.
        using var ink = new Mat();
        Cv2.Max(inverted, new Scalar(40), ink);
        using var masked = new Mat(ink.Size(), MatType.CV_8U, Scalar.All(0));
        ink.CopyTo(masked, garmentMask);
        var side = Math.Max(box.Width, box.Height);
        using var square = new Mat(side, side, MatType.CV_8U, Scalar.All(0));
        using (var src = new Mat(masked, box))
        using (var dst = new Mat(square, new Rect((side - box.Width) / 2, (side - box.Height) / 2, box.Width, box.Height)))
        {
            src.CopyTo(dst);
        }

        using var small = new Mat();
        Cv2.Resize(square, small, new Size(28, 28), 0, 0, InterpolationFlags.Area);
        small.GetArray(out byte[] bytes);
        return new FashionMnistPicture(bytes.Select(b => (float)b).ToArray());
    }
}
