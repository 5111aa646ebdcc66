using System.Text;

namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>What the file's bytes say before any pixel is looked at.</summary>
public sealed record FileInspection(ImageFormat Format, bool Truncated, string? EditorTag);

/// <summary>
/// Structural checks of an evidence file. A JPEG must end with its EOI marker and a PNG with its IEND chunk: a file cut
/// short still decodes partly (libjpeg fills grey), so decoding alone does not find it. Editing software leaves its
/// name in EXIF (tag 0x0131 Software, in APP1) or a PNG text chunk; a camera's own name there is not a finding.
/// </summary>
public static class ImageFileInspector
{
    private static readonly string[] Editors = ["photoshop", "gimp", "lightroom", "snapseed", "picsart", "meitu", "美图", "pixelmator", "affinity", "canva", "facetune"];

    public static FileInspection Inspect(byte[] bytes)
    {
        var format = Sniff(bytes);
        var truncated = format switch
        {
            ImageFormat.Jpeg => !EndsWithEoi(bytes),
            ImageFormat.Png => bytes.Length < 12 || !Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4).Equals("IEND", StringComparison.Ordinal),
            ImageFormat.WebP => bytes.Length < 12 || BitConverter.ToUInt32(bytes, 4) + 8 > bytes.Length,
            _ => false,
        };
        return new FileInspection(format, truncated, FindEditor(bytes, format));
    }

    public static ImageFormat Sniff(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ImageFormat.Jpeg;
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return ImageFormat.Png;
        if (b.Length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return ImageFormat.WebP;
        return ImageFormat.Unknown;
    }

    private static bool EndsWithEoi(byte[] b)
    {
        // Some phones pad after EOI; accept EOI within the last 32 bytes.
        for (var i = b.Length - 2; i >= Math.Max(2, b.Length - 32); i--)
        {
            if (b[i] == 0xFF && b[i + 1] == 0xD9) return true;
        }

        return false;
    }

    private static string? FindEditor(byte[] b, ImageFormat format)
    {
        var metadata = format switch
        {
            ImageFormat.Jpeg => JpegMetadata(b),
            ImageFormat.Png => PngTextChunks(b),
            _ => [],
        };
        var text = Encoding.UTF8.GetString(metadata).ToLowerInvariant();
        return Editors.FirstOrDefault(e => text.Contains(e, StringComparison.Ordinal));
    }

    private static byte[] JpegMetadata(byte[] b)
    {
        using var collected = new MemoryStream();
        for (var i = 2; i + 4 < b.Length;)
        {
            if (b[i] != 0xFF) break;
            var marker = b[i + 1];
            if (marker is 0xDA or 0xD9) break;
            var len = (b[i + 2] << 8) | b[i + 3];
            if (marker is >= 0xE0 and <= 0xEF or 0xFE) collected.Write(b, i + 4, Math.Max(0, Math.Min(len - 2, b.Length - i - 4)));
            i += 2 + len;
        }

        return collected.ToArray();
    }

    private static byte[] PngTextChunks(byte[] b)
    {
        using var collected = new MemoryStream();
        for (var i = 8; i + 12 <= b.Length;)
        {
            var len = (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
            if (len < 0 || i + 12 + (long)len > b.Length) break;
            var type = Encoding.ASCII.GetString(b, i + 4, 4);
            if (type is "tEXt" or "iTXt" or "zTXt" or "eXIf") collected.Write(b, i + 8, len);
            i += 12 + len;
        }

        return collected.ToArray();
    }
}
