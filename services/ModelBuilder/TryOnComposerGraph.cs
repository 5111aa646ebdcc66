using Onnx;
using static Commerce.ModelBuilder.OnnxGraph;

namespace Commerce.ModelBuilder;

/// <summary>
/// tryon_composer: warps a garment onto a person and composites it, keeping the person's shading. All images are
/// NCHW FP32 in 0..1 with dynamic N, H, W:
/// <code>
///   g' = GridSample(garment, grid), m' = GridSample(garment_mask, grid)     (bilinear, zeros padding, align_corners=0)
///   a  = m' * (1 - keep_mask)                                                (keep_mask: face, hair, hands stay in front)
///   L  = 0.299 R + 0.587 G + 0.114 B of person;  s = L / (mean_HW(L) + 0.001) (shading relative to the image's mean)
///   composite = clip(person * (1 - a) + g' * s * a, 0, 1)
/// </code>
/// Opset 17: GridSample (16+) with mode "bilinear" and ReduceMean with an axes attribute (an input from opset 18).
/// </summary>
public static class TryOnComposerGraph
{
    public const int Opset = 17;
    public const float ShadingEpsilon = 0.001f;
    public static readonly float[] LuminanceWeights = [0.299f, 0.587f, 0.114f];

    public static ModelConfig Config => new()
    {
        Name = "tryon_composer",
        MaxBatchSize = 4,
        MaxQueueDelayMs = 2,
        Inputs =
        [
            new TensorConfig { Name = "person", Dims = [3, -1, -1] },
            new TensorConfig { Name = "garment", Dims = [3, -1, -1] },
            new TensorConfig { Name = "garment_mask", Dims = [1, -1, -1] },
            new TensorConfig { Name = "grid", Dims = [-1, -1, 2] },
            new TensorConfig { Name = "keep_mask", Dims = [1, -1, -1] },
        ],
        Outputs = [new TensorConfig { Name = "composite", Dims = [3, -1, -1] }],
    };

    public static ModelProto Build()
    {
        var graph = new GraphProto { Name = "tryon_composer" };
        graph.Input.Add(FloatTensor("person", "N", 3, "H", "W"));
        graph.Input.Add(FloatTensor("garment", "N", 3, "GH", "GW"));
        graph.Input.Add(FloatTensor("garment_mask", "N", 1, "GH", "GW"));
        graph.Input.Add(FloatTensor("grid", "N", "H", "W", 2));
        graph.Input.Add(FloatTensor("keep_mask", "N", 1, "H", "W"));
        graph.Output.Add(FloatTensor("composite", "N", 3, "H", "W"));

        graph.Initializer.Add(FloatInitializer("one", [], 1f));
        graph.Initializer.Add(FloatInitializer("zero", [], 0f));
        graph.Initializer.Add(FloatInitializer("epsilon", [], ShadingEpsilon));
        graph.Initializer.Add(FloatInitializer("luminance_weights", [1, 3, 1, 1], LuminanceWeights));

        AttributeProto[] sampling = [Text("mode", "bilinear"), Text("padding_mode", "zeros"), Int("align_corners", 0)];
        graph.Node.Add(Node("GridSample", ["garment", "grid"], "warped_garment", sampling));
        graph.Node.Add(Node("GridSample", ["garment_mask", "grid"], "warped_mask", sampling));
        graph.Node.Add(Node("Sub", ["one", "keep_mask"], "not_kept"));
        graph.Node.Add(Node("Mul", ["warped_mask", "not_kept"], "alpha"));
        graph.Node.Add(Node("Conv", ["person", "luminance_weights"], "luminance"));
        graph.Node.Add(Node("ReduceMean", ["luminance"], "mean_luminance", Ints("axes", 2, 3), Int("keepdims", 1)));
        graph.Node.Add(Node("Add", ["mean_luminance", "epsilon"], "shading_denominator"));
        graph.Node.Add(Node("Div", ["luminance", "shading_denominator"], "shading"));
        graph.Node.Add(Node("Mul", ["warped_garment", "shading"], "shaded_garment"));
        graph.Node.Add(Node("Sub", ["one", "alpha"], "person_weight"));
        graph.Node.Add(Node("Mul", ["person", "person_weight"], "person_part"));
        graph.Node.Add(Node("Mul", ["shaded_garment", "alpha"], "garment_part"));
        graph.Node.Add(Node("Add", ["person_part", "garment_part"], "blended"));
        graph.Node.Add(Node("Clip", ["blended", "zero", "one"], "composite"));

        var model = new ModelProto { IrVersion = 8, ProducerName = "Commerce.ModelBuilder", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model;
    }
}
