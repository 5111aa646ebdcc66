using Commerce.ServiceDefaults.Errors;
using OpenCvSharp;

namespace Commerce.TryOn.Domain.Imaging;

/// <summary>Validates an uploaded image against the service's limits from its header, then decodes it to BGR.</summary>
public static class ImageDecoder
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxSide = 4096;
    public const int MinSide = 64;

    public static Mat Decode(byte[] data, string what)
    {
        if (data.Length == 0) throw new InvalidInputException($"{what} is empty");
        if (data.Length > MaxBytes) throw new InvalidInputException($"{what} is over 10 MB");
        var header = ImageHeader.Read(data, what);
        if (header.Width > MaxSide || header.Height > MaxSide)
        {
            throw new InvalidInputException($"{what} is {header.Width}x{header.Height}; at most {MaxSide}x{MaxSide} pixels");
        }

        if (header.Width < MinSide || header.Height < MinSide)
        {
            throw new InvalidInputException($"{what} is {header.Width}x{header.Height}; at least {MinSide}x{MinSide} pixels");
        }

        Mat image;
        try
        {
            image = Cv2.ImDecode(data, ImreadModes.Color);
        }
        catch (OpenCVException)
        {
            throw new InvalidInputException($"{what} cannot be decoded");
        }

        if (image.Empty())
        {
            image.Dispose();
            throw new InvalidInputException($"{what} cannot be decoded");
        }

        return image;
    }
}
