namespace Commerce.Onboarding.Domain.Onboarding;

/// <summary>States of the onboarding saga; the names are what MerchantOnboardingChanged carries.</summary>
public enum OnboardingStage
{
    Applied = 1,
    Verified = 2,
    Trial = 3,
    Active = 4,
    Rejected = 5,
    Suspended = 6,
    Expired = 7,
}
