using Commerce.InferenceClient;
using Commerce.TryOn.Domain.Pipeline;
using OpenCvSharp;

namespace Commerce.TryOn.Inference;

/// <summary>tryon_composer on InferenceHost: warps the garment by the grid and composites it with the person's shading.</summary>
public sealed class InferenceTryOnComposer(InferenceClient.InferenceClient inference) : ITryOnComposer
{
    public async Task<Mat> ComposeAsync(ComposerInputs inputs, CancellationToken cancellationToken)
    {
        int h = inputs.Person.Rows, w = inputs.Person.Cols, gh = inputs.Garment.Rows, gw = inputs.Garment.Cols;
        Tensor[] tensors =
        [
            Tensor.Float(TryOnComposerTensors.Person, NchwImage.FromBgr(inputs.Person), 1, 3, h, w),
            Tensor.Float(TryOnComposerTensors.Garment, NchwImage.FromBgr(inputs.Garment), 1, 3, gh, gw),
            Tensor.Float(TryOnComposerTensors.GarmentMask, NchwImage.FromMask(inputs.GarmentMask), 1, 1, gh, gw),
            Tensor.Float(TryOnComposerTensors.Grid, inputs.Grid.Normalised(), 1, h, w, 2),
            Tensor.Float(TryOnComposerTensors.KeepMask, NchwImage.FromMask(inputs.KeepMask), 1, 1, h, w),
        ];
        var result = await InferenceDependency.CallAsync(FleetModels.TryOnComposer,
            () => inference.InferAsync(FleetModels.TryOnComposer, tensors, cancellationToken: cancellationToken));
        return NchwImage.ToBgr(result[TryOnComposerTensors.Composite].ToFloats(), h, w);
    }
}
