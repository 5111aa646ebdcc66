using OpenCvSharp;

namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>OpenCV's decoder (libjpeg, libpng, libwebp). Null when the bytes are not an image it can read.</summary>
public static class ImageDecoder
{
    public static DecodedImage? Decode(byte[] bytes)
    {
        if (bytes.Length == 0) return null;
        using var mat = Cv2.ImDecode(bytes, ImreadModes.Color);
        if (mat.Empty()) return null;
        var data = new byte[mat.Rows * mat.Cols * 3];
        using var continuous = mat.IsContinuous() ? mat.Clone() : mat.Clone();
        System.Runtime.InteropServices.Marshal.Copy(continuous.Data, data, 0, data.Length);
        return new DecodedImage(mat.Cols, mat.Rows, data);
    }

    /// <summary>Reads the header only (width and height) so a 20000-pixel bomb is refused before decoding.</summary>
    public static (int Width, int Height)? PeekSize(byte[] bytes, ImageFormat format)
    {
        if (format == ImageFormat.Png && bytes.Length >= 24)
        {
            return (ReadBe(bytes, 16), ReadBe(bytes, 20));
        }

        if (format == ImageFormat.Jpeg)
        {
            for (var i = 2; i + 9 < bytes.Length;)
            {
                if (bytes[i] != 0xFF) return null;
                var marker = bytes[i + 1];
                var len = (bytes[i + 2] << 8) | bytes[i + 3];
                if (marker is >= 0xC0 and <= 0xC3) return ((bytes[i + 7] << 8) | bytes[i + 8], (bytes[i + 5] << 8) | bytes[i + 6]);
                i += 2 + len;
            }
        }

        return null;
    }

    private static int ReadBe(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
