namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>
/// A local image feature for when InferenceHost is not configured: mean colour of a 4x4 grid plus a 16-bin grey
/// histogram, normalised to unit length (64-d). Much weaker than ResNet18 features (it sees colour and layout, not
/// objects), so a low similarity only asks a person to look, which is the only thing the check ever does.
/// </summary>
public sealed class ColourLayoutEmbedder : IImageEmbedder
{
    public Task<float[]> EmbedAsync(DecodedImage image, CancellationToken cancellationToken)
    {
        var v = new float[64];
        var k = 0;
        for (var gy = 0; gy < 4; gy++)
        {
            for (var gx = 0; gx < 4; gx++)
            {
                var (b, g, r) = MeanColour(image, gx * image.Width / 4, (gx + 1) * image.Width / 4, gy * image.Height / 4, (gy + 1) * image.Height / 4);
                v[k++] = b;
                v[k++] = g;
                v[k++] = r;
            }
        }

        var step = Math.Max(1, image.Width * image.Height / 20000);
        for (var p = 0; p < image.Width * image.Height; p += step)
        {
            var grey = (image.Bgr[p * 3] + image.Bgr[p * 3 + 1] + image.Bgr[p * 3 + 2]) / 3;
            v[48 + grey / 16] += 0.02f;
        }

        var mean = v.Average();
        for (var i = 0; i < v.Length; i++) v[i] -= mean;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return Task.FromResult(v);
    }

    private static (float, float, float) MeanColour(DecodedImage image, int x0, int x1, int y0, int y1)
    {
        double b = 0, g = 0, r = 0;
        var n = 0;
        var step = Math.Max(1, (x1 - x0) / 16);
        for (var y = y0; y < Math.Max(y1, y0 + 1) && y < image.Height; y += step)
        {
            for (var x = x0; x < Math.Max(x1, x0 + 1) && x < image.Width; x += step)
            {
                var i = (y * image.Width + x) * 3;
                b += image.Bgr[i];
                g += image.Bgr[i + 1];
                r += image.Bgr[i + 2];
                n++;
            }
        }

        return n == 0 ? (0, 0, 0) : ((float)(b / n / 255), (float)(g / n / 255), (float)(r / n / 255));
    }
}
