using System.Runtime.InteropServices;
using Commerce.InferenceClient;
using OpenCvSharp;

namespace Commerce.TryOn.Inference;

/// <summary>OpenCV's interleaved BGR bytes to and from the composer's planar RGB floats in 0..1 (NCHW, N=1).</summary>
public static class NchwImage
{
    public static float[] FromBgr(Mat bgr)
    {
        using var rgb = new Mat();
        Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
        rgb.GetArray(out Vec3b[] pixels);
        var result = new float[3 * pixels.Length];
        ImageTensors.ToPlanar(MemoryMarshal.AsBytes(pixels.AsSpan()), result);
        return result;
    }

    /// <summary>A single-channel CV_32F mask as one plane.</summary>
    public static float[] FromMask(Mat mask)
    {
        mask.GetArray(out float[] values);
        return values;
    }

    public static Mat ToBgr(ReadOnlySpan<float> rgbPlanes, int height, int width)
    {
        var plane = height * width;
        if (rgbPlanes.Length != 3 * plane) throw new ArgumentException($"expected {3 * plane} values for 3x{height}x{width}, got {rgbPlanes.Length}");
        var pixels = new Vec3b[plane];
        for (var i = 0; i < plane; i++)
        {
            pixels[i] = new Vec3b(ToByte(rgbPlanes[2 * plane + i]), ToByte(rgbPlanes[plane + i]), ToByte(rgbPlanes[i]));
        }

        var bgr = new Mat(height, width, MatType.CV_8UC3);
        bgr.SetArray(pixels);
        return bgr;
    }

    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v * 255f), 0, 255);
}
