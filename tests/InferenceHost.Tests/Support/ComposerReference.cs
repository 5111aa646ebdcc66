namespace Commerce.Inference.Tests.Support;

/// <summary>tryon_composer in plain C# (the formula of TryOnComposerTensors): GridSample bilinear, zeros, align_corners=0.</summary>
public static class ComposerReference
{
    public static float[] Compose(float[] person, float[] garment, float[] mask, float[] grid, float[] keep, int h, int w, int gh, int gw)
    {
        var luminance = new double[h * w];
        for (var p = 0; p < h * w; p++) luminance[p] = 0.299 * person[p] + 0.587 * person[h * w + p] + 0.114 * person[2 * h * w + p];
        var shadingDenominator = luminance.Average() + 0.001;
        var output = new float[3 * h * w];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var p = y * w + x;
            var gx = ((grid[2 * p] + 1) * gw - 1) / 2.0;
            var gy = ((grid[2 * p + 1] + 1) * gh - 1) / 2.0;
            var alpha = Sample(mask, 0, gx, gy, gh, gw) * (1 - keep[p]);
            var shading = luminance[p] / shadingDenominator;
            for (var c = 0; c < 3; c++)
            {
                var blended = person[c * h * w + p] * (1 - alpha) + Sample(garment, c, gx, gy, gh, gw) * shading * alpha;
                output[c * h * w + p] = (float)Math.Clamp(blended, 0, 1);
            }
        }

        return output;
    }

    private static double Sample(float[] image, int channel, double x, double y, int h, int w)
    {
        var x0 = (int)Math.Floor(x);
        var y0 = (int)Math.Floor(y);
        double At(int yy, int xx) => yy < 0 || yy >= h || xx < 0 || xx >= w ? 0 : image[channel * h * w + yy * w + xx];
        var fx = x - x0;
        var fy = y - y0;
        return At(y0, x0) * (1 - fx) * (1 - fy) + At(y0, x0 + 1) * fx * (1 - fy) + At(y0 + 1, x0) * (1 - fx) * fy + At(y0 + 1, x0 + 1) * fx * fy;
    }
}
