using System.Globalization;
using Commerce.Onboarding.Domain.Verification;
using Commerce.Onboarding.Grpc;
using Commerce.Protos.Onboarding.V1;
using Commerce.Protos.Type.V1;
using Commerce.TestSupport;
using Grpc.Core;

namespace Commerce.Onboarding.Tests;

/// <summary>Well-formed identity numbers and a small-library service host for the tests.</summary>
internal static class Fixtures
{
    public static readonly IReadOnlyDictionary<string, string?> SmallLibrary = new Dictionary<string, string?>
    {
        ["Library:ProductCount"] = "1440",
        ["Library:BatchSize"] = "720",
        ["Onboarding:WorkerIntervalMs"] = "50",
    };

    /// <summary>A well-formed unified social credit code, different for each n.</summary>
    public static string Licence(int n) => UnifiedSocialCreditCode.Complete("91110105" + n.ToString("D8", CultureInfo.InvariantCulture) + "X");

    /// <summary>A well-formed resident ID of someone born on the given date.</summary>
    public static string IdNumber(string birthYyyyMmDd = "19900101", int sequence = 123) =>
        ResidentIdNumber.Complete("110105" + birthYyyyMmDd + sequence.ToString("D3", CultureInfo.InvariantCulture));

    public static ServiceHost<OnboardingGrpcService> Host(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        new(new Dictionary<string, string?>(SmallLibrary), services);

    public static MerchantOnboardingService.MerchantOnboardingServiceClient Client(ServiceHost<OnboardingGrpcService> host, (string, string)[] caller) =>
        new(host.CreateChannel(caller));

    public static CategoryPath Category(params string[] levels)
    {
        var path = new CategoryPath();
        path.Levels.AddRange(levels);
        return path;
    }

    public static ApplyMerchantRequest Application(string storeName, string requestId = "r1") => new()
    {
        RequestId = requestId, BusinessName = "Lin's Clothing Stall", StoreName = storeName, BusinessType = BusinessType.Individual,
        LegalRepresentativeName = "Lin Mei", ContactPhone = "+8613800138000", PrimaryCategory = Category("Women's Clothing"),
    };

    /// <summary>Applies, verifies and waits for the saga worker to open the trial store; returns the merchant's client and the application.</summary>
    public static async Task<(MerchantOnboardingService.MerchantOnboardingServiceClient Merchant, Application Application)> OpenTrialStoreAsync(
        ServiceHost<OnboardingGrpcService> host, string storeName, int licence)
    {
        var user = "user-" + storeName;
        var applicant = Client(host, Callers.Buyer(user));
        var application = (await applicant.ApplyMerchantAsync(Application(storeName))).Application;
        await applicant.SubmitVerificationAsync(new SubmitVerificationRequest
        {
            ApplicationId = application.ApplicationId, BusinessLicenceNumber = Licence(licence), LegalRepresentativeIdNumber = IdNumber(),
        });
        var merchant = Client(host, Callers.Merchant(application.MerchantId, user));
        var opened = await Eventually(async () =>
        {
            var a = (await merchant.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.ApplicationId })).Application;
            return a.Stage == OnboardingStage.Trial ? a : null;
        });
        return (merchant, opened);
    }

    /// <summary>Polls a condition with a deadline (the saga's steps are asynchronous by design).</summary>
    public static async Task<T> Eventually<T>(Func<Task<T?>> probe, int seconds = 20) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within " + seconds + " s");
            await Task.Delay(25);
        }
    }

    public static async Task WaitUntil(Func<bool> condition, int seconds = 20) =>
        await Eventually<object>(() => Task.FromResult<object?>(condition() ? new object() : null), seconds);

    public static StatusCode StatusOf(Func<Task> call)
    {
        try
        {
            call().GetAwaiter().GetResult();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
