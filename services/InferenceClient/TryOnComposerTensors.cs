namespace Commerce.InferenceClient;

/// <summary>
/// tryon_composer, all FP32 NCHW in 0..1 with any H, W (the garment may have its own size):
/// <see cref="Person"/> [N,3,H,W], <see cref="Garment"/> [N,3,GH,GW], <see cref="GarmentMask"/> [N,1,GH,GW] (soft),
/// <see cref="Grid"/> [N,H,W,2] (for each output pixel the garment point to sample, x then y, normalised -1..1;
/// bilinear, align_corners=0, zeros outside), <see cref="KeepMask"/> [N,1,H,W] (1 where the person stays in front:
/// face, hair, hands). Output <see cref="Composite"/> [N,3,H,W]:
/// a = GridSample(mask) * (1 - keep); s = L / (mean(L) + 0.001) with L the person's luminance (0.299 R + 0.587 G +
/// 0.114 B); composite = clip(person * (1 - a) + GridSample(garment) * s * a, 0, 1).
/// </summary>
public static class TryOnComposerTensors
{
    public const string Person = "person";
    public const string Garment = "garment";
    public const string GarmentMask = "garment_mask";
    public const string Grid = "grid";
    public const string KeepMask = "keep_mask";
    public const string Composite = "composite";
}
