namespace Commerce.Onboarding.Domain.Verification;

/// <summary>
/// The 18-character resident identity number of GB 11643-1999: address code (6 digits), birth date (8 digits,
/// yyyyMMdd), sequence (3 digits), and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string? Problem(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "is required: the 18-character resident identity number of the legal representative";
        if (number.Length != 18) return $"must be 18 characters (got {number.Length}): the resident identity number of the legal representative";
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return $"has a non-digit '{number[i]}' at position {i + 1}: the first 17 characters are digits";
        }

        var last = char.ToUpperInvariant(number[17]);
        if (!char.IsAsciiDigit(last) && last != 'X') return "must end with a digit or X";
        if (BirthDate(number) is null) return $"positions 7-14 ('{number[6..14]}') are not a valid birth date yyyyMMdd";
        var expected = CheckCharacter(number.AsSpan(0, 17));
        return last == expected ? null : $"check character is '{last}' but the first 17 digits give '{expected}': re-type the number from the ID card";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    public static DateOnly? BirthDate(string number) =>
        DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public static int AgeOn(string number, DateOnly day)
    {
        var birth = BirthDate(number) ?? throw new ArgumentException("not a well-formed number", nameof(number));
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    public static string Complete(string first17) => first17 + CheckCharacter(first17);
}
