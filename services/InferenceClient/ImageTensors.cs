namespace Commerce.InferenceClient;

/// <summary>The image layout the fleet's models take (frame_embedder, tryon_composer): planar RGB, values 0..1.</summary>
public static class ImageTensors
{
    /// <summary>Interleaved RGB bytes (R, G, B per pixel) into three planes of floats in 0..1: R plane, then G, then B.</summary>
    public static void ToPlanar(ReadOnlySpan<byte> interleavedRgb, Span<float> planes)
    {
        var plane = interleavedRgb.Length / 3;
        if (interleavedRgb.Length != 3 * plane || planes.Length != interleavedRgb.Length)
        {
            throw new ArgumentException($"{interleavedRgb.Length} RGB bytes do not fill {planes.Length} planar values");
        }

        for (var p = 0; p < plane; p++)
        {
            planes[p] = interleavedRgb[3 * p] / 255f;
            planes[plane + p] = interleavedRgb[3 * p + 1] / 255f;
            planes[2 * plane + p] = interleavedRgb[3 * p + 2] / 255f;
        }
    }
}
