namespace Commerce.ServiceDefaults.Identity;

public static class CallerRole
{
    public const string Buyer = "buyer";
    public const string Merchant = "merchant";
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Buyer, Merchant, Operator];
}
