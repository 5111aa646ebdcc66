namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>
/// dHash (Krawetz, "Kind of like that", 2013): grey 9x8 thumbnail, one bit per horizontal gradient sign, 64 bits. It
/// survives re-compression, resizing and small colour changes, which is how a photo from an earlier claim comes back;
/// a Hamming distance of at most <see cref="ReuseDistance"/> bits is treated as the same picture.
/// </summary>
public static class PerceptualHash
{
    public const int ReuseDistance = 10;

    public static ulong DHash(DecodedImage image)
    {
        var grey = new double[8, 9];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 9; x++) grey[y, x] = MeanGrey(image, x * image.Width / 9, (x + 1) * image.Width / 9, y * image.Height / 8, (y + 1) * image.Height / 8);
        }

        ulong hash = 0;
        var bit = 0;
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++, bit++)
            {
                if (grey[y, x] > grey[y, x + 1]) hash |= 1UL << bit;
            }
        }

        return hash;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    internal static double MeanGrey(DecodedImage image, int x0, int x1, int y0, int y1)
    {
        x1 = Math.Max(x1, x0 + 1);
        y1 = Math.Max(y1, y0 + 1);
        double sum = 0;
        var n = 0;
        // Sampling every few pixels keeps a 4096x4096 photo at a few ms.
        var step = Math.Max(1, Math.Min(x1 - x0, y1 - y0) / 16);
        for (var y = y0; y < y1 && y < image.Height; y += step)
        {
            for (var x = x0; x < x1 && x < image.Width; x += step)
            {
                var i = (y * image.Width + x) * 3;
                sum += 0.114 * image.Bgr[i] + 0.587 * image.Bgr[i + 1] + 0.299 * image.Bgr[i + 2];
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }
}
