using System.Text.RegularExpressions;

namespace Commerce.CsAgent.Domain.Intents;

/// <summary>
/// Anger, from words and shouting. An angry buyer goes to a person: a well-phrased template makes anger worse, and the
/// cost of a person's minute is small against a lost customer.
/// </summary>
public static partial class ToneDetector
{
    public static bool IsAngry(string message)
    {
        var lower = message.ToLowerInvariant();
        if (AngryWords().IsMatch(lower)) return true;
        if (message.Count(c => c is '!' or '！') >= 3) return true;
        var letters = message.Where(char.IsLetter).Where(c => c < 128).ToList();
        return letters.Count >= 12 && letters.Count(char.IsUpper) > letters.Count * 0.7;
    }

    [GeneratedRegex(@"scam|fraud|furious|ridiculous|unacceptable|useless|wtf|damn|liars?\b|rip-?off|骗子|垃圾|气死|太差|坑人|欺诈|无语|什么破|滚")]
    private static partial Regex AngryWords();
}
