using Commerce.Onboarding.Domain.Advisor;
using Commerce.Onboarding.Domain.Live;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Domain.Verification;
using Commerce.Onboarding.Storage;
using Commerce.Protos.Onboarding.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Grpc.Core;

namespace Commerce.Onboarding.Grpc;

/// <summary>Thin adapter over the domain: validate, call, map. Onboarding saga RPCs here; the others in the partial files.</summary>
public sealed partial class OnboardingGrpcService(
    OnboardingSagaStore saga, LibraryStore library, ListingStore listings, LiveSessionStore sessions, ReportStore reports,
    LiveScriptWriter scriptWriter, PolicyAdvisor advisor, TimeProvider time) : MerchantOnboardingService.MerchantOnboardingServiceBase
{
    public override Task<ApplyMerchantResponse> ApplyMerchant(ApplyMerchantRequest request, ServerCallContext context)
    {
        var userId = context.GetCaller().RequireUser();
        var requestId = Validate.RequestId(request.RequestId);
        var businessName = Validate.Text(request.BusinessName, "business_name", 2, 100);
        var storeName = Validate.Text(request.StoreName, "store_name", 2, 30);
        if (request.BusinessType == BusinessType.Unspecified) throw new InvalidInputException("business_type is required: INDIVIDUAL or ENTERPRISE");
        var representative = Validate.Text(request.LegalRepresentativeName, "legal_representative_name", 1, 50);
        Validate.Phone(request.ContactPhone);
        var category = Validate.Category(request.PrimaryCategory, "primary_category");
        var application = saga.Apply(userId, requestId, new MerchantApplication
        {
            ApplicationId = "", MerchantId = "", UserId = userId, Stage = Domain.Onboarding.OnboardingStage.Applied,
            BusinessName = businessName, StoreName = storeName, BusinessType = (int)request.BusinessType,
            LegalRepresentativeName = representative, ContactPhone = request.ContactPhone, PrimaryCategory = category,
            CreatedAt = default, UpdatedAt = default,
        });
        return Task.FromResult(new ApplyMerchantResponse { Application = ProtoMapper.Application(application) });
    }

    public override Task<GetApplicationResponse> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        var application = FindApplication(request.ApplicationId);
        RequireApplicant(context.GetCaller(), application, allowMerchant: true);
        return Task.FromResult(new GetApplicationResponse { Application = ProtoMapper.Application(application) });
    }

    public override Task<SubmitVerificationResponse> SubmitVerification(SubmitVerificationRequest request, ServerCallContext context)
    {
        var application = FindApplication(request.ApplicationId);
        RequireApplicant(context.GetCaller(), application, allowMerchant: false);
        var licence = request.BusinessLicenceNumber?.Trim().ToUpperInvariant();
        if (UnifiedSocialCreditCode.Problem(licence) is { } licenceProblem) throw new InvalidInputException("business_licence_number " + licenceProblem);
        var idNumber = request.LegalRepresentativeIdNumber?.Trim().ToUpperInvariant();
        if (ResidentIdNumber.Problem(idNumber) is { } idProblem) throw new InvalidInputException("legal_representative_id_number " + idProblem);
        if (!request.LicenceImage.IsEmpty) Validate.Image(request.LicenceImage.Span, "licence_image");

        var (after, failures) = saga.SubmitVerification(application.ApplicationId, licence!, idNumber!);
        var response = new SubmitVerificationResponse { Application = ProtoMapper.Application(after), Passed = failures.Count == 0 };
        response.Failures.AddRange(failures.Select(ProtoMapper.Failure));
        return Task.FromResult(response);
    }

    public override Task<ActivateStoreResponse> ActivateStore(ActivateStoreRequest request, ServerCallContext context)
    {
        var store = FindStore(request.StoreId);
        context.GetCaller().RequireMerchant(store.MerchantId);
        var requestId = Validate.RequestId(request.RequestId);
        if (request.Deposit is null) throw new InvalidInputException("deposit is required");
        var deposit = ProtoMapper.Amount(request.Deposit, "deposit");
        if (deposit <= 0) throw new InvalidInputException("deposit must be positive");
        // No payment provider runs in this fleet: the reference is required and recorded, not verified with a provider.
        Validate.Text(request.PaymentReference, "payment_reference", 1, 64);
        var after = saga.ActivateByDeposit(store.StoreId, requestId, deposit);
        return Task.FromResult(new ActivateStoreResponse { Store = ProtoMapper.Store(after, saga.Rules) });
    }

    public override Task<GetStoreResponse> GetStore(GetStoreRequest request, ServerCallContext context)
    {
        var store = FindStore(request.StoreId);
        context.GetCaller().RequireMerchant(store.MerchantId);
        return Task.FromResult(new GetStoreResponse { Store = ProtoMapper.Store(store, saga.Rules) });
    }

    public override Task<SuspendStoreResponse> SuspendStore(SuspendStoreRequest request, ServerCallContext context)
    {
        if (!context.GetCaller().IsOperator) throw new AccessDeniedException("only an operator may suspend a store");
        var reason = Validate.Text(request.Reason, "reason", 1, 500);
        var store = FindStore(request.StoreId);
        var after = saga.Suspend(store.StoreId, reason);
        return Task.FromResult(new SuspendStoreResponse { Store = ProtoMapper.Store(after, saga.Rules) });
    }

    private MerchantApplication FindApplication(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new InvalidInputException("application_id is required");
        return saga.Get(id) ?? throw new NotFoundException($"application {id} not found");
    }

    private MerchantStore FindStore(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new InvalidInputException("store_id is required");
        return saga.GetStore(id) ?? throw new NotFoundException($"store {id} not found");
    }

    /// <summary>A store the caller may act for, and that can still sell or go live.</summary>
    private MerchantStore OwnOpenStore(string? storeId, ServerCallContext context)
    {
        var store = FindStore(storeId);
        context.GetCaller().RequireMerchant(store.MerchantId);
        if (store.Status == StoreState.Suspended)
            throw new PreconditionFailedException($"store {store.StoreId} is suspended ({store.StatusReason}): it cannot list products or go live");
        return store;
    }

    private static void RequireApplicant(Caller caller, MerchantApplication application, bool allowMerchant)
    {
        if (caller.IsOperator || caller.UserId == application.UserId) return;
        if (allowMerchant && caller.MerchantId == application.MerchantId && caller.Roles.Contains(CallerRole.Merchant)) return;
        throw new AccessDeniedException("this application belongs to another applicant");
    }
}
