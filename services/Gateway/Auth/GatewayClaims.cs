namespace Commerce.Gateway.Auth;

public static class GatewayClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string MerchantId = "merchant_id";
}
