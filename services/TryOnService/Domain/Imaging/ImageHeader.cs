using System.Buffers.Binary;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.TryOn.Domain.Imaging;

public enum ImageFormat { Jpeg, Png, WebP }

/// <summary>
/// Format and pixel size read from the file's own header, before any decoder allocates a pixel buffer: a 100-byte PNG
/// may claim 30000x30000 (3.6 GB decoded), and only the header tells. Also refuses files that end early (no JPEG EOI, no
/// PNG IEND, a RIFF shorter than it says), which decoders would otherwise fill with grey.
/// </summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height)
{
    public static ImageHeader Read(ReadOnlySpan<byte> data, string what)
    {
        if (data.Length < 16) throw new InvalidInputException($"{what} is not an image (too short)");
        if (data[..8].SequenceEqual(PngSignature)) return ReadPng(data, what);
        if (data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ReadJpeg(data, what);
        if (data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return ReadWebP(data, what);
        if (data[..3].SequenceEqual("GIF"u8) || data[..2].SequenceEqual("BM"u8) || data[..4].SequenceEqual("II*\0"u8) ||
            data[..4].SequenceEqual("MM\0*"u8) || data[4..12].SequenceEqual("ftypheic"u8) || data[4..12].SequenceEqual("ftypavif"u8))
        {
            throw new InvalidInputException($"{what} is in an unsupported format; send JPEG, PNG or WebP");
        }

        throw new InvalidInputException($"{what} is not an image (send JPEG, PNG or WebP)");
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PngIend => [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private static ImageHeader ReadPng(ReadOnlySpan<byte> data, string what)
    {
        if (data.Length < 33 || !data[12..16].SequenceEqual("IHDR"u8)) throw new InvalidInputException($"{what}: PNG header is damaged");
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        if (!data[^12..].SequenceEqual(PngIend)) throw new InvalidInputException($"{what}: PNG file is truncated");
        return new ImageHeader(ImageFormat.Png, Clamp(width), Clamp(height));
    }

    private static ImageHeader ReadJpeg(ReadOnlySpan<byte> data, string what)
    {
        var end = data.Length;
        while (end > 2 && data[end - 1] == 0) end--; // some writers pad after EOI
        if (data[end - 2] != 0xFF || data[end - 1] != 0xD9) throw new InvalidInputException($"{what}: JPEG file is truncated");
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF) throw new InvalidInputException($"{what}: JPEG header is damaged");
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            var isFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return new ImageHeader(ImageFormat.Jpeg, width, height);
            }

            if (marker == 0xDA || length < 2) break;
            i += 2 + length;
        }

        throw new InvalidInputException($"{what}: JPEG has no frame header");
    }

    private static ImageHeader ReadWebP(ReadOnlySpan<byte> data, string what)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (data.Length < 30) throw new InvalidInputException($"{what}: WebP header is damaged");
        if ((long)riffSize + 8 > data.Length) throw new InvalidInputException($"{what}: WebP file is truncated");
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var w = 1 + (data[24] | data[25] << 8 | data[26] << 16);
            var h = 1 + (data[27] | data[28] << 8 | data[29] << 16);
            return new ImageHeader(ImageFormat.WebP, w, h);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return new ImageHeader(ImageFormat.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            var w = BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF;
            var h = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF;
            return new ImageHeader(ImageFormat.WebP, w, h);
        }

        throw new InvalidInputException($"{what}: WebP header is damaged");
    }

    private static int Clamp(uint v) => v > int.MaxValue ? int.MaxValue : (int)v;
}
