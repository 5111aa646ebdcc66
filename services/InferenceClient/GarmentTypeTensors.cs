namespace Commerce.InferenceClient;

/// <summary>
/// garment_type. Input <see cref="Pixels"/> FP32 [N,784]: a 28x28 grayscale image, row-major, values 0..1 where 1 is
/// garment and 0 background (Fashion-MNIST shows light garments on black: a product photo on a white background must
/// be converted to gray, resized to 28x28, and inverted, 1 - gray). Output <see cref="Scores"/> FP32 [N,10]: class
/// probabilities in <see cref="ClassNames"/> order.
/// </summary>
public static class GarmentTypeTensors
{
    public const string Pixels = "pixels";
    public const string Scores = "scores";
    public const int Side = 28;

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
}
