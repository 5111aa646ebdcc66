using Commerce.Gateway.Auth;
using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Identity;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.LoadTests;

/// <summary>A merchant signs up through the gateway as a real one does: applies, passes verification, and the saga opens its trial store.</summary>
public static class MerchantSignUp
{
    private static readonly TimeSpan SagaTimeout = TimeSpan.FromSeconds(90);

    public sealed record Opened(string UserId, string MerchantId, string StoreId, string Token);

    /// <summary>A new applicant applies and passes verification with licence <paramref name="licenceSerial"/> (must be unused in this fleet: a reused one is Rejected).</summary>
    public static async Task<(string UserId, Application Application)> ApplyAndVerifyAsync(MerchantOnboardingService.MerchantOnboardingServiceClient onboarding,
        DevTokenIssuer tokens, string storeName, int licenceSerial, CancellationToken ct = default)
    {
        var userId = $"applicant-{Guid.NewGuid():N}";
        var applicant = new Metadata { { "authorization", "Bearer " + tokens.Mint(userId, CallerRole.Buyer) } };
        var category = new CategoryPath();
        category.Levels.Add("Women's Clothing");
        var application = (await onboarding.ApplyMerchantAsync(new ApplyMerchantRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), BusinessName = storeName + " Ltd", StoreName = storeName,
            BusinessType = BusinessType.Individual, LegalRepresentativeName = "Lin Mei", ContactPhone = "+8613800138000",
            PrimaryCategory = category,
        }, applicant, cancellationToken: ct)).Application;
        var verification = await onboarding.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId,
            BusinessLicenceNumber = IdentityNumbers.BusinessLicence(licenceSerial),
            LegalRepresentativeIdNumber = IdentityNumbers.ResidentId(),
        }, applicant, cancellationToken: ct);
        if (verification.Failures.Count > 0)
        {
            throw new InvalidOperationException($"verification of {storeName} failed: {string.Join("; ", verification.Failures)}");
        }

        return (userId, application);
    }

    /// <summary>Applies, verifies (a random licence), waits for the trial store and returns the merchant's own token.</summary>
    public static async Task<Opened> OpenTrialStoreAsync(MerchantOnboardingService.MerchantOnboardingServiceClient onboarding,
        DevTokenIssuer tokens, string storeName, CancellationToken ct = default)
    {
        var (userId, application) = await ApplyAndVerifyAsync(onboarding, tokens, storeName, Random.Shared.Next(1, 99_999_999), ct);
        // The merchant's token after sign-up carries its merchant id, as the platform's identity service would issue.
        var token = tokens.Mint(userId, CallerRole.Merchant, application.MerchantId, lifetime: TimeSpan.FromHours(8));
        var merchant = new Metadata { { "authorization", "Bearer " + token } };
        var opened = await Eventually.ThatAsync(async () =>
        {
            var current = (await onboarding.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.ApplicationId }, merchant, cancellationToken: ct)).Application;
            return current.Stage == OnboardingStage.Trial && current.StoreId.Length > 0 ? current : null;
        }, SagaTimeout, $"the trial store of {storeName} opens");
        return new Opened(userId, application.MerchantId, opened.StoreId, token);
    }
}
