using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Commerce.Asr.Domain.LanguageModel;

/// <summary>
/// Turns written English (titles, script lines) into the words a host says: lower case, digits spelled out, symbols
/// read aloud, punctuation dropped. The recogniser's vocabulary and the WER reference both go through it, so "2 for $29"
/// and the decoder's "two for twenty nine dollars" compare equal.
/// </summary>
public static partial class SpokenText
{
    private static readonly string[] Ones =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static IReadOnlyList<string> Words(string text)
    {
        var s = text.ToLowerInvariant();
        s = Money().Replace(s, m => m.Groups[1].Value + (m.Groups[2].Success ? " " + m.Groups[2].Value : "") + " dollars");
        s = s.Replace("%", " percent ").Replace("&", " and ").Replace("+", " plus ");
        s = Decimal().Replace(s, m => m.Groups[1].Value + " point " + m.Groups[2].Value);
        s = Number().Replace(s, m => " " + NumberToWords(long.Parse(m.Value, CultureInfo.InvariantCulture)) + " ");
        var words = new List<string>();
        foreach (var raw in NonWord().Split(s))
        {
            var w = raw.Trim('\'');
            if (w.Length > 0) words.Add(w);
        }

        return words;
    }

    public static string Normalize(string text) => string.Join(' ', Words(text));

    public static string NumberToWords(long n)
    {
        if (n < 0) return "minus " + NumberToWords(-n);
        if (n < 20) return Ones[n];
        if (n < 100) return Tens[n / 10] + (n % 10 == 0 ? "" : " " + Ones[n % 10]);
        if (n < 1000) return Ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + NumberToWords(n % 100));
        if (n < 1_000_000) return NumberToWords(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + NumberToWords(n % 1000));
        var sb = new StringBuilder();
        foreach (var digit in n.ToString(CultureInfo.InvariantCulture)) sb.Append(Ones[digit - '0']).Append(' ');
        return sb.ToString().TrimEnd();
    }

    [GeneratedRegex(@"\$\s*(\d+)(?:\.(\d{1,2}))?")]
    private static partial Regex Money();

    [GeneratedRegex(@"(\d+)\.(\d+)")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"[^a-z']+")]
    private static partial Regex NonWord();
}
