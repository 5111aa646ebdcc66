namespace Commerce.Onboarding.Domain.Verification;

/// <summary>
/// The 18-character unified social credit code of GB 32100-2015 printed on every Chinese business licence:
/// registration authority (1), entity type (1), administrative division (6 digits), organisation code (9), and a
/// check character over the first 17 (weights 3^i mod 31 over the 31-character alphabet without I, O, Z, S, V).
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when well-formed, else the reason (for an InvalidArgument the applicant can act on).</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "is required: the 18-character unified social credit code on the business licence";
        if (code.Length != 18) return $"must be 18 characters (got {code.Length}): the unified social credit code on the business licence";
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"has an invalid character '{code[i]}' at position {i + 1}: only digits and capital letters except I, O, Z, S, V are used";
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i])) return $"positions 3-8 must be the digits of the administrative division code (position {i + 1} is '{code[i]}')";
        }

        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected ? null : $"check character is '{code[17]}' but the first 17 characters give '{expected}': re-type the number from the licence";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var c = 31 - sum % 31;
        return Alphabet[c == 31 ? 0 : c];
    }

    /// <summary>A well-formed code from 17 characters (tests and fixtures).</summary>
    public static string Complete(string first17) => first17 + CheckCharacter(first17);
}
