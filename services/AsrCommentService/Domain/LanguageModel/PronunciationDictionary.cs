namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>
/// CMU dictionary pronunciations, cut to a model's vocabulary. Words cmudict lacks (catalog words such as "cowhide",
/// "earbuds") get one from compounds of known words ("cow"+"hide", "ear"+"buds") or, failing that, from letter-to-sound
/// rules: the decoder refuses a language-model word without a pronunciation.
/// </summary>
public sealed class PronunciationDictionary
{
    private static readonly Lock CacheLock = new();
    private static readonly Dictionary<string, PronunciationDictionary> Cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<string>> _entries;

    private PronunciationDictionary(Dictionary<string, List<string>> entries) => _entries = entries;

    /// <summary>Loads a cmudict file once per process (135k entries, ~200 ms).</summary>
    public static PronunciationDictionary Load(string cmuDictPath)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(cmuDictPath, out var cached)) return cached;
            var entries = new Dictionary<string, List<string>>(140_000, StringComparer.Ordinal);
            foreach (var line in File.ReadLines(cmuDictPath))
            {
                var space = line.IndexOf(' ');
                if (space <= 0) continue;
                var word = line[..space];
                var paren = word.IndexOf('(');
                if (paren > 0) word = word[..paren];
                var phones = line[(space + 1)..].Trim();
                if (!entries.TryGetValue(word, out var list)) entries[word] = list = [];
                list.Add(phones);
            }

            return Cache[cmuDictPath] = new PronunciationDictionary(entries);
        }
    }

    public static PronunciationDictionary FromEntries(IReadOnlyDictionary<string, string> entries) =>
        new(entries.ToDictionary(kv => kv.Key, kv => new List<string> { kv.Value }, StringComparer.Ordinal));

    public bool Contains(string word) => _entries.ContainsKey(word);

    /// <summary>Pronunciations of a word: cmudict's, else a compound's, else letter-to-sound.</summary>
    public IReadOnlyList<string> Pronounce(string word, out PronunciationSource source)
    {
        if (_entries.TryGetValue(word, out var known))
        {
            source = PronunciationSource.Dictionary;
            return known;
        }

        var compound = Compound(word, depth: 0);
        if (compound is not null)
        {
            source = PronunciationSource.Compound;
            return [compound];
        }

        source = PronunciationSource.LetterToSound;
        return [LetterToSound.Pronounce(word)];
    }

    /// <summary>The dictionary file for a vocabulary, in cmudict's format ("word(2)" for variants).</summary>
    public string Write(IEnumerable<string> vocabulary, ICollection<string>? guessed = null)
    {
        var lines = new List<string>();
        foreach (var word in vocabulary.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var prons = Pronounce(word, out var source);
            if (source != PronunciationSource.Dictionary) guessed?.Add(word);
            for (var i = 0; i < prons.Count; i++) lines.Add((i == 0 ? word : $"{word}({i + 1})") + " " + prons[i]);
        }

        return string.Join('\n', lines) + "\n";
    }

    private string? Compound(string word, int depth)
    {
        if (depth > 2) return null;
        // Longest known head first: "earbuds" -> "ear" + "buds" rather than "e" + ...; parts of at least 2 letters.
        for (var cut = word.Length - 2; cut >= 2; cut--)
        {
            var head = word[..cut];
            var tail = word[cut..];
            if (!_entries.TryGetValue(head, out var headPron)) continue;
            if (_entries.TryGetValue(tail, out var tailPron)) return headPron[0] + " " + tailPron[0];
            var rest = Compound(tail, depth + 1);
            if (rest is not null) return headPron[0] + " " + rest;
        }

        return null;
    }
}

public enum PronunciationSource
{
    Dictionary,
    Compound,
    LetterToSound,
}
