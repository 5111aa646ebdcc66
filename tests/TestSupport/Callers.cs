namespace Commerce.TestSupport;

/// <summary>The identity metadata the gateway would set, for calling a service directly in its tests.</summary>
public static class Callers
{
    public static (string, string)[] Buyer(string userId) =>
        [("x-commerce-user-id", userId), ("x-commerce-roles", "buyer")];

    public static (string, string)[] Merchant(string merchantId, string? userId = null) =>
        [("x-commerce-user-id", userId ?? "user-of-" + merchantId), ("x-commerce-merchant-id", merchantId), ("x-commerce-roles", "merchant")];

    public static (string, string)[] Operator(string userId = "operator-1") =>
        [("x-commerce-user-id", userId), ("x-commerce-roles", "operator")];
}
