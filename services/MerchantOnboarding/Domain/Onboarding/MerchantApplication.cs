namespace Commerce.Onboarding.Domain.Onboarding;

public sealed record VerificationFailure(VerificationCheckKind Check, string Field, string Reason);

public enum VerificationCheckKind
{
    LicenceAlreadyRegistered = 1,
    HolderUnderAge = 2,
}

/// <summary>The persisted state of one onboarding saga instance.</summary>
public sealed record MerchantApplication
{
    public required string ApplicationId { get; init; }
    public required string MerchantId { get; init; }
    public required string UserId { get; init; }
    public required OnboardingStage Stage { get; init; }
    public required string BusinessName { get; init; }
    public required string StoreName { get; init; }
    public required int BusinessType { get; init; }
    public required string LegalRepresentativeName { get; init; }
    public required string ContactPhone { get; init; }
    public required IReadOnlyList<string> PrimaryCategory { get; init; }
    public string? StoreId { get; init; }
    public string? LicenceNumber { get; init; }
    public IReadOnlyList<VerificationFailure> Failures { get; init; } = [];
    public string? StageReason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ExpireAt { get; init; }
}
