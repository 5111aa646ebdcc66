namespace Commerce.Gateway.Auth;

public sealed class JwtSettings
{
    public const string SectionName = "Gateway:Jwt";

    public string Issuer { get; set; } = "commerce-gateway";

    public string Audience { get; set; } = "commerce-fleet";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Comes from configuration (a secret), never from source.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding the key, for local runs: eng/run-fleet.sh writes one under eng/artifacts/secrets.</summary>
    public string? SigningKeyFile { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public byte[] ResolveKey()
    {
        var key = SigningKey;
        if (string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(SigningKeyFile) && File.Exists(SigningKeyFile))
        {
            key = File.ReadAllText(SigningKeyFile).Trim();
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                "No JWT signing key: set Gateway:Jwt:SigningKey (env Gateway__Jwt__SigningKey) or Gateway:Jwt:SigningKeyFile.");
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(key);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Gateway:Jwt:SigningKey must be at least 32 bytes for HS256.");
        }

        return bytes;
    }
}
