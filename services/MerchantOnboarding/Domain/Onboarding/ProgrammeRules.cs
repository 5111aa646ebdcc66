namespace Commerce.Onboarding.Domain.Onboarding;

/// <summary>
/// New-merchant programmes decided by rules on the join date and results: cold start for every store opening within
/// its first days, traffic rewards once a young store proves it can sell. Pure, so the rules are unit-tested.
/// </summary>
public sealed class ProgrammeRules(OnboardingRules rules)
{
    public ProgrammeGrant? OnTrialOpened(DateTimeOffset joinedAt, DateTimeOffset now) =>
        now - joinedAt <= TimeSpan.FromDays(rules.ColdStartDays)
            ? new ProgrammeGrant(ProgrammeKind.ColdStart, now, now.AddDays(rules.ColdStartDays),
                $"new store opened within {rules.ColdStartDays} days of applying: cold-start traffic for {rules.ColdStartDays} days", 0)
            : null;

    public ProgrammeGrant? OnOrders(DateTimeOffset joinedAt, DateTimeOffset now, int orderCount, bool alreadyGranted)
    {
        if (alreadyGranted || orderCount < rules.TrafficRewardOrders) return null;
        if (now - joinedAt > TimeSpan.FromDays(rules.TrafficRewardWindowDays)) return null;
        return new ProgrammeGrant(ProgrammeKind.TrafficRewards, now, now.AddDays(rules.TrafficRewardDays),
            $"{orderCount} orders within {rules.TrafficRewardWindowDays} days of joining: {rules.TrafficRewardDailyExposures} free exposures a day for {rules.TrafficRewardDays} days",
            rules.TrafficRewardDailyExposures);
    }
}
