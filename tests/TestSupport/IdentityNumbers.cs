using System.Globalization;

namespace Commerce.TestSupport;

/// <summary>
/// Well-formed Chinese identity numbers for test applicants: unified social credit codes (GB 32100-2015 check
/// character) and resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2), different for each n.
/// </summary>
public static class IdentityNumbers
{
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string BusinessLicence(int n)
    {
        var body = "91110105" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture) + "X";
        var sum = body.Select((c, i) => CreditCodeAlphabet.IndexOf(c, StringComparison.Ordinal) * CreditCodeWeights[i]).Sum();
        return body + CreditCodeAlphabet[(31 - sum % 31) % 31];
    }

    public static string ResidentId(string birthYyyyMmDd = "19900101", int sequence = 123)
    {
        var body = "110105" + birthYyyyMmDd + (sequence % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * IdWeights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
