using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Fleet.Tests;

/// <summary>A merchant made for one test through the gateway: applied, verified, trial store open, its own token.</summary>
public sealed record FleetMerchant(string MerchantId, string StoreId, string Token)
{
    public Metadata Headers => new() { { "authorization", "Bearer " + Token } };

    public static async Task<FleetMerchant> OpenTrialStoreAsync(string storeName)
    {
        using var channel = FleetUnderTest.GatewayChannel();
        var onboarding = new MerchantOnboardingService.MerchantOnboardingServiceClient(channel);
        var (userId, application) = await ApplyAndVerifyAsync(onboarding, storeName, Random.Shared.Next(1, 99_999_999));

        // The merchant's token after sign-up carries its merchant id, as the platform's identity service would issue.
        var token = FleetUnderTest.Tokens.Mint(userId, CallerRole.Merchant, application.MerchantId);
        var merchantHeaders = new Metadata { { "authorization", "Bearer " + token } };
        var opened = await Eventually.ThatAsync(async () =>
        {
            var current = (await onboarding.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.ApplicationId }, merchantHeaders)).Application;
            return current.Stage == OnboardingStage.Trial && current.StoreId.Length > 0 ? current : null;
        }, TimeSpan.FromSeconds(60), "the trial store opens");
        return new FleetMerchant(application.MerchantId, opened.StoreId, token);
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

    /// <summary>A new applicant applies and passes verification (licence <paramref name="licenceSerial"/> must be unused); the saga takes it on to Trial.</summary>
    public static async Task<(string UserId, Application Application)> ApplyAndVerifyAsync(
        MerchantOnboardingService.MerchantOnboardingServiceClient onboarding, string storeName, int licenceSerial)
    {
        var userId = $"applicant-{Guid.NewGuid():N}";
        var applicantHeaders = new Metadata { { "authorization", "Bearer " + FleetUnderTest.Tokens.Mint(userId, CallerRole.Buyer) } };
        var primary = new CategoryPath();
        primary.Levels.Add("Women's Clothing");
        var application = (await onboarding.ApplyMerchantAsync(new ApplyMerchantRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), BusinessName = storeName + " Ltd", StoreName = storeName,
            BusinessType = BusinessType.Individual, LegalRepresentativeName = "Lin Mei", ContactPhone = "+8613800138000",
            PrimaryCategory = primary,
        }, applicantHeaders)).Application;
        await onboarding.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId,
            BusinessLicenceNumber = IdentityNumbers.BusinessLicence(licenceSerial),
            LegalRepresentativeIdNumber = IdentityNumbers.ResidentId(),
        }, applicantHeaders);
        return (userId, application);
    }
}
