using Commerce.ServiceDefaults.Errors;

namespace Commerce.ServiceDefaults.Identity;

/// <summary>Who is calling, as the gateway verified it. Plain data so domain code can decide access without gRPC types.</summary>
public sealed record Caller(string? UserId, string? MerchantId, IReadOnlySet<string> Roles)
{
    public static readonly Caller Anonymous = new(null, null, new HashSet<string>());

    public bool IsOperator => Roles.Contains(CallerRole.Operator);

    public bool IsAuthenticated => UserId is not null;

    /// <summary>The buyer's own id; anything else is refused.</summary>
    public string RequireUser()
    {
        return UserId ?? throw new AccessDeniedException("this call needs a signed-in user");
    }

    /// <summary>The caller acts for this merchant: the merchant itself, or an operator.</summary>
    public void RequireMerchant(string merchantId)
    {
        if (IsOperator) return;
        if (!Roles.Contains(CallerRole.Merchant) || !string.Equals(MerchantId, merchantId, StringComparison.Ordinal))
        {
            throw new AccessDeniedException("this data belongs to another merchant");
        }
    }

    /// <summary>The merchant id from the token, for calls that act on the caller's own store.</summary>
    public string RequireOwnMerchant()
    {
        if (!Roles.Contains(CallerRole.Merchant) || MerchantId is null)
        {
            throw new AccessDeniedException("this call is for merchants");
        }

        return MerchantId;
    }

    public void RequireRole(string role)
    {
        if (!Roles.Contains(role) && !IsOperator)
        {
            throw new AccessDeniedException($"this call needs the {role} role");
        }
    }
}
