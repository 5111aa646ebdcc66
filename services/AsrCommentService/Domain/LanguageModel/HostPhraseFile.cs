namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>Reads a one-phrase-per-line data file, skipping blank lines and # comments.</summary>
public static class HostPhraseFile
{
    public static IReadOnlyList<string> Load(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToList();
}
