using OpenCvSharp;

namespace Commerce.TryOn.Domain.Warping;

/// <summary>
/// Where each person pixel samples the garment photo: pixel maps for OpenCV's Remap and the same grid in GridSample's
/// normalised coordinates (-1..1, align_corners=false: -1 and 1 are the outer edges of the corner pixels) for the ONNX
/// composer. Pixels outside <c>allowed</c> sample far outside the garment (zero padding), so the garment cannot land there.
/// </summary>
public sealed class SamplingGrid : IDisposable
{
    private const int Step = 4; // the spline is smooth: evaluate every 4th pixel and interpolate

    public SamplingGrid(Mat mapX, Mat mapY, int garmentWidth, int garmentHeight)
    {
        MapX = mapX;
        MapY = mapY;
        GarmentWidth = garmentWidth;
        GarmentHeight = garmentHeight;
    }

    /// <summary>CV_32F, garment-photo x per person pixel.</summary>
    public Mat MapX { get; }

    public Mat MapY { get; }

    public int GarmentWidth { get; }

    public int GarmentHeight { get; }

    public static SamplingGrid Build(ThinPlateSpline personToGarment, Size person, Size garment, Mat allowed)
    {
        var cw = person.Width / Step + 2;
        var ch = person.Height / Step + 2;
        var cx = new float[ch * cw];
        var cy = new float[ch * cw];
        for (var j = 0; j < ch; j++)
        for (var i = 0; i < cw; i++)
        {
            var p = personToGarment.Map(i * Step, j * Step);
            cx[j * cw + i] = (float)p.X;
            cy[j * cw + i] = (float)p.Y;
        }

        var w = person.Width;
        var h = person.Height;
        var fx = new float[w * h];
        var fy = new float[w * h];
        for (var y = 0; y < h; y++)
        {
            var j = y / Step;
            var ty = (y - j * Step) / (float)Step;
            for (var x = 0; x < w; x++)
            {
                var i = x / Step;
                var tx = (x - i * Step) / (float)Step;
                var a = j * cw + i;
                var b = a + cw;
                fx[y * w + x] = (1 - ty) * ((1 - tx) * cx[a] + tx * cx[a + 1]) + ty * ((1 - tx) * cx[b] + tx * cx[b + 1]);
                fy[y * w + x] = (1 - ty) * ((1 - tx) * cy[a] + tx * cy[a + 1]) + ty * ((1 - tx) * cy[b] + tx * cy[b + 1]);
            }
        }

        var mapX = new Mat(h, w, MatType.CV_32F);
        var mapY = new Mat(h, w, MatType.CV_32F);
        mapX.SetArray(fx);
        mapY.SetArray(fy);

        using var notAllowed = new Mat();
        Cv2.BitwiseNot(allowed, notAllowed);
        mapX.SetTo(Scalar.All(-10 * garment.Width), notAllowed);
        mapY.SetTo(Scalar.All(-10 * garment.Height), notAllowed);
        return new SamplingGrid(mapX, mapY, garment.Width, garment.Height);
    }

    /// <summary>[H*W*2] floats: GridSample's (x, y) per person pixel, row-major.</summary>
    public float[] Normalised()
    {
        var h = MapX.Rows;
        var w = MapX.Cols;
        var result = new float[h * w * 2];
        MapX.GetArray(out float[] xs);
        MapY.GetArray(out float[] ys);
        for (var i = 0; i < h * w; i++)
        {
            result[2 * i] = (2 * xs[i] + 1) / GarmentWidth - 1;
            result[2 * i + 1] = (2 * ys[i] + 1) / GarmentHeight - 1;
        }

        return result;
    }

    public void Dispose()
    {
        MapX.Dispose();
        MapY.Dispose();
    }
}
