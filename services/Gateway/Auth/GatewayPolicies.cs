namespace Commerce.Gateway.Auth;

public static class GatewayPolicies
{
    public const string SignedIn = "signed-in";
    public const string OperatorOnly = "operator-only";
}
