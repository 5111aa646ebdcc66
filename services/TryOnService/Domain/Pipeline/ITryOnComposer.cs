using Commerce.TryOn.Domain.Warping;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Pipeline;

/// <summary>What the compositor gets: the person (BGR), the garment photo (BGR) and its soft mask (CV_32F 0..1) in the
/// garment's own pixels, the sampling grid into the garment, and the keep mask (CV_32F, 1 where the person stays in front).</summary>
public sealed record ComposerInputs(Mat Person, Mat Garment, Mat GarmentMask, SamplingGrid Grid, Mat KeepMask);

/// <summary>Warps the garment by the grid and lays it over the person. In production, InferenceHost's tryon_composer.</summary>
public interface ITryOnComposer
{
    Task<Mat> ComposeAsync(ComposerInputs inputs, CancellationToken cancellationToken);
}
