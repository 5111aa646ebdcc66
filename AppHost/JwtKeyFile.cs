using System.Security.Cryptography;

namespace Commerce.AppHost;

/// <summary>
/// The local fleet's token signing key lives in an ignored file (made once, readable by the owner only), so the key is
/// never in source and <c>mint-token</c> finds the same one. Clusters take it from a Secret instead.
/// </summary>
public static class JwtKeyFile
{
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 32) return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
