using Commerce.ServiceDefaults.Errors;

namespace Commerce.Onboarding.Domain.Onboarding;

/// <summary>
/// The saga's transition table. Every change of stage goes through <see cref="Require"/>, so a step that arrives in the
/// wrong state (a duplicate, a race with the sweeper) is refused instead of applied twice.
/// </summary>
public static class OnboardingTransitions
{
    private static readonly Dictionary<OnboardingStage, OnboardingStage[]> Allowed = new()
    {
        [OnboardingStage.Applied] = [OnboardingStage.Verified, OnboardingStage.Rejected, OnboardingStage.Expired],
        [OnboardingStage.Verified] = [OnboardingStage.Trial, OnboardingStage.Suspended],
        [OnboardingStage.Trial] = [OnboardingStage.Active, OnboardingStage.Suspended],
        [OnboardingStage.Active] = [OnboardingStage.Suspended],
        [OnboardingStage.Rejected] = [],
        [OnboardingStage.Suspended] = [],
        [OnboardingStage.Expired] = [],
    };

    public static bool IsAllowed(OnboardingStage from, OnboardingStage to) => Allowed[from].Contains(to);

    public static void Require(OnboardingStage from, OnboardingStage to)
    {
        if (!IsAllowed(from, to))
            throw new PreconditionFailedException($"the application is {from}: it cannot move to {to}");
    }

    public static IReadOnlyDictionary<OnboardingStage, OnboardingStage[]> Table => Allowed;
}
