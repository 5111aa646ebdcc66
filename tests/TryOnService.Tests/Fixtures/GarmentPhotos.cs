using System.IO.Compression;
using OpenCvSharp;

namespace Commerce.TryOn.Tests.Fixtures;

/// <summary>
/// Garment product photos for the fixtures: flat garment shapes drawn on a plain background (with a stripe pattern, so a
/// warp is visible), and Fashion-MNIST items (Debian's dataset-fashion-mnist) upscaled onto a plain background.
/// </summary>
public static class GarmentPhotos
{
    public const string FashionMnistDir = "/usr/share/datasets/fashion-mnist";

    public static Mat TShirt(Scalar colour) => Draw(colour, [new(150, 40), new(250, 40), new(340, 90), new(310, 150), new(280, 130), new(280, 360), new(120, 360), new(120, 130), new(90, 150), new(60, 90)]);

    public static Mat Dress(Scalar colour) => Draw(colour, [new(160, 30), new(240, 30), new(260, 120), new(330, 370), new(70, 370), new(140, 120)]);

    public static Mat Coat(Scalar colour) => Draw(colour, [new(150, 30), new(250, 30), new(330, 70), new(360, 360), new(320, 360), new(300, 150), new(300, 370), new(100, 370), new(100, 150), new(80, 360), new(40, 360), new(70, 70)]);

    public static Mat Trousers(Scalar colour) => Draw(colour, [new(110, 30), new(290, 30), new(320, 370), new(220, 370), new(200, 130), new(180, 370), new(80, 370)]);

    private static Mat Draw(Scalar colour, Point[] outline)
    {
        var image = new Mat(400, 400, MatType.CV_8UC3, new Scalar(245, 245, 245));
        using var mask = new Mat(400, 400, MatType.CV_8U, Scalar.All(0));
        Cv2.FillPoly(mask, [outline], Scalar.All(255));
        using var fabric = new Mat(400, 400, MatType.CV_8UC3, colour);
        for (var y = 0; y < 400; y += 24) Cv2.Rectangle(fabric, new Rect(0, y, 400, 8), new Scalar(colour.Val0 * 0.6, colour.Val1 * 0.6, colour.Val2 * 0.6), -1);
        fabric.CopyTo(image, mask);
        return image;
    }

    /// <summary>The first test image of a Fashion-MNIST class, inverted back to a dark garment on white and upscaled to 336x336.</summary>
    public static Mat FashionMnist(int label, int skip = 0)
    {
        var images = ReadIdx(Path.Combine(FashionMnistDir, "t10k-images-idx3-ubyte.gz"));
        var labels = ReadIdx(Path.Combine(FashionMnistDir, "t10k-labels-idx1-ubyte.gz"));
        for (int i = 0, seen = 0; i < labels.Length - 8; i++)
        {
            if (labels[8 + i] != label || seen++ < skip) continue;
            using var small = new Mat(28, 28, MatType.CV_8U);
            small.SetArray(images.AsSpan(16 + i * 784, 784).ToArray());
            using var inverted = new Mat();
            Cv2.BitwiseNot(small, inverted);
            using var big = new Mat();
            Cv2.Resize(inverted, big, new Size(336, 336), 0, 0, InterpolationFlags.Cubic);
            var bgr = new Mat();
            Cv2.CvtColor(big, bgr, ColorConversionCodes.GRAY2BGR);
            return bgr;
        }

        throw new InvalidOperationException($"no Fashion-MNIST image of class {label}");
    }

    private static byte[] ReadIdx(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
}
