namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>
/// A small rule-based English letter-to-sound fallback over the CMU phone set, for the few catalog words neither in
/// cmudict nor compounds of its words. Crude (no stress, no morphology), but a rough pronunciation lets the decoder
/// still hit a product name the language model strongly predicts.
/// </summary>
public static class LetterToSound
{
    // Longest grapheme first.
    private static readonly (string Graphemes, string Phones)[] Rules =
    [
        ("tion", "SH AH N"), ("igh", "AY"), ("sch", "S K"), ("ch", "CH"), ("sh", "SH"), ("th", "TH"), ("ph", "F"),
        ("ng", "NG"), ("ck", "K"), ("qu", "K W"), ("ee", "IY"), ("ea", "IY"), ("oo", "UW"), ("ou", "AW"), ("ow", "OW"),
        ("ai", "EY"), ("ay", "EY"), ("oi", "OY"), ("oy", "OY"), ("au", "AO"), ("aw", "AO"), ("er", "ER"), ("ir", "ER"),
        ("ur", "ER"), ("ar", "AA R"), ("or", "AO R"), ("wh", "W"), ("kn", "N"), ("wr", "R"),
        ("a", "AE"), ("b", "B"), ("c", "K"), ("d", "D"), ("e", "EH"), ("f", "F"), ("g", "G"), ("h", "HH"), ("i", "IH"),
        ("j", "JH"), ("k", "K"), ("l", "L"), ("m", "M"), ("n", "N"), ("o", "AA"), ("p", "P"), ("q", "K"), ("r", "R"),
        ("s", "S"), ("t", "T"), ("u", "AH"), ("v", "V"), ("w", "W"), ("x", "K S"), ("y", "IY"), ("z", "Z"),
    ];

    public static string Pronounce(string word)
    {
        var w = new string(word.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
        if (w.Length == 0) return "AH";
        // A final silent e ("hide", "tote") is not said.
        var silentE = w.Length > 3 && w[^1] == 'e' && !"aeiou".Contains(w[^2]);
        if (silentE) w = w[..^1];
        var phones = new List<string>();
        var i = 0;
        while (i < w.Length)
        {
            if (i == 0 && w[0] == 'y' && w.Length > 1) { phones.Add("Y"); i++; continue; }
            foreach (var (g, p) in Rules)
            {
                if (string.CompareOrdinal(w, i, g, 0, g.Length) != 0) continue;
                phones.Add(p);
                i += g.Length;
                break;
            }
        }

        // Collapse doubled consonants ("tt" is one T).
        var collapsed = new List<string>();
        foreach (var p in phones.SelectMany(p => p.Split(' ')))
            if (collapsed.Count == 0 || collapsed[^1] != p || IsVowel(p)) collapsed.Add(p);
        return string.Join(' ', collapsed);
    }

    private static bool IsVowel(string phone) => phone.Length > 0 && "AEIOU".Contains(phone[0]);
}
