namespace Commerce.ServiceDefaults.Identity;

/// <summary>
/// Call metadata the gateway sets from the verified token (and strips from what clients send), so a service learns
/// who is calling without parsing tokens itself. Only the gateway may reach services (NetworkPolicy in k8s).
/// </summary>
public static class CallerHeaders
{
    public const string UserId = "x-commerce-user-id";
    public const string MerchantId = "x-commerce-merchant-id";
    public const string Roles = "x-commerce-roles";

    public static readonly IReadOnlyList<string> All = [UserId, MerchantId, Roles];
}
