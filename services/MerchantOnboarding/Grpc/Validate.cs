using System.Text.RegularExpressions;
using Commerce.Onboarding.Domain.Library;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.Onboarding.Grpc;

/// <summary>Request checks shared by the RPCs; each failure names the field and what to do.</summary>
internal static partial class Validate
{
    public const int MaxImageBytes = 5 * 1024 * 1024;

    public static string Text(string? value, string field, int min, int max)
    {
        var v = value?.Trim() ?? "";
        if (v.Length < min || v.Length > max) throw new InvalidInputException($"{field} must be {min}-{max} characters (got {v.Length})");
        return v;
    }

    public static string RequestId(string? value) => Text(value, "request_id", 1, 64);

    public static IReadOnlyList<string> Category(CategoryPath? path, string field, bool leaf = false)
    {
        if (path is null || path.Levels.Count == 0) throw new InvalidInputException($"{field} is required");
        var levels = path.Levels.ToList();
        if (!CategoryTree.Default.Contains(levels))
            throw new InvalidInputException($"{field} '{string.Join(" > ", levels)}' is not in the category tree (top levels: {string.Join(", ", CategoryTree.Default.Leaves.Select(l => l.Path[0]).Distinct())})");
        if (leaf && levels.Count != 3) throw new InvalidInputException($"{field} must name a leaf category (3 levels)");
        return levels;
    }

    public static int Duration(int minutes, string field = "duration_minutes") =>
        minutes is >= 30 and <= 240 ? minutes : throw new InvalidInputException($"{field} must be 30-240 minutes (got {minutes})");

    public static (int Offset, int Size) Page(int pageSize, string? token)
    {
        if (pageSize is < 0 or > 100) throw new InvalidInputException($"page_size must be 0-100 (got {pageSize})");
        var offset = 0;
        if (!string.IsNullOrEmpty(token) && (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
            throw new InvalidInputException("page_token is not one this service issued: pass next_page_token unchanged");
        return (offset, pageSize == 0 ? 20 : pageSize);
    }

    public static string NextToken(int offset, int size, long total) =>
        offset + size < total ? (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Language(string? code, string field, string fallback)
    {
        if (string.IsNullOrEmpty(code)) return fallback;
        if (code.Equals("zh-CN", StringComparison.OrdinalIgnoreCase) || code.Equals("zh", StringComparison.OrdinalIgnoreCase)) return "zh-CN";
        if (code.Equals("en", StringComparison.OrdinalIgnoreCase) || code.StartsWith("en-", StringComparison.OrdinalIgnoreCase)) return "en";
        throw new InvalidInputException($"{field} must be \"zh-CN\" or \"en\" (got \"{code}\")");
    }

    public static void Phone(string? phone)
    {
        if (phone is null || !E164().IsMatch(phone)) throw new InvalidInputException("contact_phone must be in E.164 form, e.g. \"+8613800138000\"");
    }

    public static void Image(ReadOnlySpan<byte> bytes, string field)
    {
        if (bytes.Length > MaxImageBytes) throw new LimitExceededException($"{field} is {bytes.Length} bytes: at most 5 MB");
        var jpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        var png = bytes.Length > 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        if (!jpeg && !png) throw new InvalidInputException($"{field} must be a JPEG or PNG image");
    }

    public static IReadOnlyDictionary<string, string> Attributes(IDictionary<string, string> attributes, string field)
    {
        if (attributes.Count > 50) throw new InvalidInputException($"{field}: at most 50 entries (got {attributes.Count})");
        foreach (var (k, v) in attributes)
        {
            if (k.Trim().Length is 0 or > 50) throw new InvalidInputException($"{field}: every key must be 1-50 characters");
            if (v.Trim().Length is 0 or > 200) throw new InvalidInputException($"{field}['{k}'] must be 1-200 characters");
        }

        return attributes.ToDictionary(k => k.Key.Trim(), v => v.Value.Trim());
    }

    public static IReadOnlyList<string> SellingPoints(IList<string> points, string field)
    {
        if (points.Count > 10) throw new InvalidInputException($"{field}: at most 10 (got {points.Count})");
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Trim().Length is 0 or > 200) throw new InvalidInputException($"{field}[{i}] must be 1-200 characters");
        }

        return points.Select(p => p.Trim()).ToList();
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
