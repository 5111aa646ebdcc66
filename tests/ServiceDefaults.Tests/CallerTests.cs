using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;

namespace Commerce.ServiceDefaults.Tests;

public sealed class CallerTests
{
    private static Caller Merchant(string id) => new("u-" + id, id, new HashSet<string> { CallerRole.Merchant });

    [Test]
    public void A_merchant_reaches_its_own_store_and_not_another()
    {
        Assert.DoesNotThrow(() => Merchant("m-1").RequireMerchant("m-1"));
        Assert.Throws<AccessDeniedException>(() => Merchant("m-1").RequireMerchant("m-2"));
    }

    [Test]
    public void An_operator_reaches_every_store_and_a_buyer_none()
    {
        var op = new Caller("op", null, new HashSet<string> { CallerRole.Operator });
        var buyer = new Caller("b-1", null, new HashSet<string> { CallerRole.Buyer });

        Assert.DoesNotThrow(() => op.RequireMerchant("m-9"));
        Assert.Throws<AccessDeniedException>(() => buyer.RequireMerchant("m-9"));
        Assert.Throws<AccessDeniedException>(() => buyer.RequireOwnMerchant());
        Assert.Throws<AccessDeniedException>(() => Caller.Anonymous.RequireUser());
    }
}
