using System.Security.Claims;
using Commerce.ServiceDefaults.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Commerce.Gateway.Auth;

/// <summary>Mints tokens the gateway accepts, signed with the configured key: for local runs, tests and load clients.</summary>
public sealed class DevTokenIssuer(JwtSettings settings)
{
    public string Mint(string userId, string role, string? merchantId = null, TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        if (!CallerRole.All.Contains(role))
        {
            throw new ArgumentException($"role must be one of {string.Join(", ", CallerRole.All)}", nameof(role));
        }

        var issuedAt = now ?? DateTimeOffset.UtcNow;
        var claims = new List<Claim> { new(GatewayClaims.Subject, userId), new(GatewayClaims.Role, role) };
        if (merchantId is not null) claims.Add(new Claim(GatewayClaims.MerchantId, merchantId));

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime.AddSeconds(-1),
            Expires = (issuedAt + (lifetime ?? TimeSpan.FromHours(8))).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(settings.ResolveKey()), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
