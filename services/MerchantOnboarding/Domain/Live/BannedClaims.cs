using System.Text.Json;
using System.Text.RegularExpressions;

namespace Commerce.Onboarding.Domain.Live;

/// <summary>
/// Absolute claims the Advertising Law of the PRC (art. 9) forbids ("best", "No. 1", "national-level", 最, 第一, 国家级 ...),
/// loaded from Data/banned-claims.json. English terms match as whole words, case-insensitively; Chinese terms as substrings.
/// </summary>
public sealed class BannedClaims
{
    private readonly Regex _english;
    private readonly string[] _chinese;

    public BannedClaims(IEnumerable<string> english, IEnumerable<string> chinese)
    {
        English = english.ToArray();
        _chinese = chinese.ToArray();
        _english = new Regex(@"(?<![\p{L}\p{N}])(" + string.Join('|', English.Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public IReadOnlyList<string> English { get; }

    public IReadOnlyList<string> Chinese => _chinese;

    public static BannedClaims Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<BannedClaimsFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                   ?? throw new InvalidDataException(path + " is empty");
        return new BannedClaims(file.En, file.Zh);
    }

    public static BannedClaims LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, "Data", "banned-claims.json"));

    public IReadOnlyList<string> FindIn(string text)
    {
        var found = _english.Matches(text).Select(m => m.Value).ToList();
        found.AddRange(_chinese.Where(term => text.Contains(term, StringComparison.Ordinal)));
        return found;
    }

    public bool Contains(string text) => FindIn(text).Count > 0;

    private sealed record BannedClaimsFile(string[] En, string[] Zh);
}
