using Commerce.LoadTests;
using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Type.V1;
using Grpc.Core;

namespace Commerce.Fleet.Tests;

/// <summary>A merchant made for one test through the gateway (<see cref="MerchantSignUp"/>): applied, verified, trial store open, its own token.</summary>
public sealed record FleetMerchant(string MerchantId, string StoreId, string Token)
{
    public Metadata Headers => new() { { "authorization", "Bearer " + Token } };

    public static async Task<FleetMerchant> OpenTrialStoreAsync(string storeName)
    {
        using var channel = FleetUnderTest.GatewayChannel();
        var opened = await MerchantSignUp.OpenTrialStoreAsync(new MerchantOnboardingService.MerchantOnboardingServiceClient(channel), FleetUnderTest.Tokens, storeName);
        return new FleetMerchant(opened.MerchantId, opened.StoreId, opened.Token);
    }

    /// <summary>Lists a product of this merchant's own (not from the library) in its store; ProductListed follows through the outbox.</summary>
    public async Task<StoreProduct> ListProductAsync(string title, params string[] categoryLevels)
    {
        using var channel = FleetUnderTest.GatewayChannel();
        var onboarding = new MerchantOnboardingService.MerchantOnboardingServiceClient(channel);
        var category = new CategoryPath();
        category.Levels.AddRange(categoryLevels);
        return (await onboarding.ListProductAsync(new ListProductRequest
        {
            StoreId = StoreId, RequestId = Guid.NewGuid().ToString("N"),
            Draft = new ProductDraft
            {
                Title = title, Category = category, LanguageCode = "en", Stock = 50,
                Price = new Money { CurrencyCode = "CNY", Units = 199 },
                Attributes = { ["material"] = "linen", ["colour"] = "ivory" },
                SellingPoints = { "Hand embroidery on the collar" },
            },
        }, Headers)).Product;
    }
}
