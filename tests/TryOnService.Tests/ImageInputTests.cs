using Commerce.ServiceDefaults.Errors;
using Commerce.TryOn.Domain.Imaging;
using OpenCvSharp;

namespace Commerce.TryOn.Tests;

public sealed class ImageInputTests
{
    private static byte[] Png(int w, int h)
    {
        using var m = new Mat(h, w, MatType.CV_8UC3, new Scalar(10, 200, 30));
        return m.ImEncode(".png");
    }

    [Test]
    public void A_valid_png_and_jpeg_decode()
    {
        using var png = ImageDecoder.Decode(Png(120, 80), "photo");
        using var m = new Mat(80, 120, MatType.CV_8UC3, Scalar.All(90));
        using var jpg = ImageDecoder.Decode(m.ImEncode(".jpg"), "photo");
        Assert.That((png.Width, png.Height, jpg.Width), Is.EqualTo((120, 80, 120)));
    }

    [Test]
    public void Text_is_not_an_image() =>
        Assert.That(() => ImageDecoder.Decode("hello, this is not a picture"u8.ToArray(), "photo"),
            Throws.TypeOf<InvalidInputException>().With.Message.Contains("not an image"));

    [Test]
    public void Truncated_png_and_jpeg_are_refused()
    {
        var png = Png(200, 200);
        using var m = new Mat(200, 200, MatType.CV_8UC3, Scalar.All(90));
        var jpg = m.ImEncode(".jpg");
        Assert.That(() => ImageDecoder.Decode(png[..(png.Length / 2)], "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("truncated"));
        Assert.That(() => ImageDecoder.Decode(jpg[..(jpg.Length / 2)], "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("truncated"));
    }

    [Test]
    public void Gif_and_bmp_are_unsupported_formats()
    {
        using var m = new Mat(100, 100, MatType.CV_8UC3, Scalar.All(90));
        var bmp = m.ImEncode(".bmp");
        var gif = "GIF89a"u8.ToArray().Concat(new byte[64]).ToArray();
        Assert.That(() => ImageDecoder.Decode(bmp, "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("unsupported format"));
        Assert.That(() => ImageDecoder.Decode(gif, "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("unsupported format"));
    }

    [Test]
    public void A_tiny_png_claiming_30000_by_30000_is_refused_from_its_header()
    {
        var png = Png(64, 64);
        // Rewrite IHDR's width and height (bytes 16-23); the CRC is not checked because the header check comes first.
        var bomb = (byte[])png.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(16), 30000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(20), 30000);
        Assert.That(bomb.Length, Is.LessThan(2000));
        Assert.That(() => ImageDecoder.Decode(bomb, "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("30000x30000"));
    }

    [Test]
    public void Over_4096_pixels_and_over_10_mb_are_refused()
    {
        Assert.That(() => ImageDecoder.Decode(Png(4100, 64), "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("at most 4096x4096"));
        var big = new byte[ImageDecoder.MaxBytes + 1];
        Png(64, 64).CopyTo(big, 0);
        Assert.That(() => ImageDecoder.Decode(big, "photo"), Throws.TypeOf<InvalidInputException>().With.Message.Contains("10 MB"));
    }
}
