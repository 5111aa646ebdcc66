using System.IO.Compression;

namespace Commerce.ModelBuilder;

/// <summary>
/// Fashion-MNIST in its IDX files (Debian's dataset-fashion-mnist): 28x28 grayscale garments, light on black.
/// Pixels are scaled to 0..1 (byte / 255), the convention garment_type is trained and served with.
/// </summary>
public sealed class FashionMnist
{
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";
    public const int Side = 28;
    public const int PixelCount = Side * Side;

    /// <summary>Class names in label order, as published with the data set.</summary>
    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private FashionMnist(float[][] images, byte[] labels)
    {
        Images = images;
        Labels = labels;
    }

    public float[][] Images { get; }

    public byte[] Labels { get; }

    public static FashionMnist Train(string folder = DefaultFolder) =>
        Load(Path.Combine(folder, "train-images-idx3-ubyte.gz"), Path.Combine(folder, "train-labels-idx1-ubyte.gz"));

    public static FashionMnist Test(string folder = DefaultFolder) =>
        Load(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));

    private static FashionMnist Load(string imagesPath, string labelsPath)
    {
        foreach (var path in new[] { imagesPath, labelsPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: install Debian's dataset-fashion-mnist (eng/prereqs.sh does).", path);
            }
        }

        var imageBytes = ReadGzip(imagesPath);
        var labelBytes = ReadGzip(labelsPath);
        // IDX: big-endian magic, count, then rows and columns for images; data follows the header.
        var count = BigEndian(imageBytes, 4);
        if (BigEndian(imageBytes, 0) != 0x803 || BigEndian(labelBytes, 0) != 0x801 || BigEndian(labelBytes, 4) != count)
        {
            throw new InvalidDataException($"{imagesPath} / {labelsPath} are not matching IDX image and label files");
        }

        var images = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var image = new float[PixelCount];
            var offset = 16 + i * PixelCount;
            for (var p = 0; p < PixelCount; p++) image[p] = imageBytes[offset + p] / 255f;
            images[i] = image;
        }

        return new FashionMnist(images, labelBytes.AsSpan(8, count).ToArray());
    }

    private static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
