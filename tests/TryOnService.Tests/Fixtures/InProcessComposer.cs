using Commerce.TryOn.Domain.Pipeline;
using OpenCvSharp;

namespace Commerce.TryOn.Tests.Fixtures;

/// <summary>
/// TEST ONLY: the composer's arithmetic in C# (bilinear GridSample of garment and mask by the grid, alpha = mask x (1 -
/// keep), person x (1 - alpha) + garment x alpha), for tests of the pipeline's geometry that do not host InferenceHost.
/// Production composes through InferenceHost's tryon_composer model.
/// </summary>
public sealed class InProcessComposer : ITryOnComposer
{
    public Task<Mat> ComposeAsync(ComposerInputs inputs, CancellationToken cancellationToken)
    {
        using var garment = new Mat();
        Cv2.Remap(inputs.Garment, garment, inputs.Grid.MapX, inputs.Grid.MapY, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        using var mask = new Mat();
        Cv2.Remap(inputs.GarmentMask, mask, inputs.Grid.MapX, inputs.Grid.MapY, InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        using var front = new Mat();
        Cv2.Subtract(new Scalar(1.0), inputs.KeepMask, front);
        using var alpha = new Mat();
        Cv2.Multiply(mask, front, alpha);
        using var alpha3 = new Mat();
        Cv2.Merge([alpha, alpha, alpha], alpha3);
        using var person = new Mat();
        inputs.Person.ConvertTo(person, MatType.CV_32FC3);
        using var garmentF = new Mat();
        garment.ConvertTo(garmentF, MatType.CV_32FC3);
        using var oneMinus = new Mat();
        Cv2.Subtract(new Scalar(1.0, 1.0, 1.0), alpha3, oneMinus);
        using var a = new Mat();
        Cv2.Multiply(person, oneMinus, a);
        using var b = new Mat();
        Cv2.Multiply(garmentF, alpha3, b);
        using var sum = new Mat();
        Cv2.Add(a, b, sum);
        var result = new Mat();
        sum.ConvertTo(result, MatType.CV_8UC3);
        return Task.FromResult(result);
    }
}
