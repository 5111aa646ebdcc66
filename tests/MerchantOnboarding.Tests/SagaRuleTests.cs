using Commerce.Onboarding.Domain.Onboarding;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.Onboarding.Tests;

public sealed class SagaRuleTests
{
    [Test]
    public void Final_states_have_no_way_out_and_skipping_verification_is_refused()
    {
        foreach (var final in new[] { OnboardingStage.Rejected, OnboardingStage.Expired, OnboardingStage.Suspended })
            Assert.That(OnboardingTransitions.Table[final], Is.Empty, final.ToString());
        Assert.That(OnboardingTransitions.IsAllowed(OnboardingStage.Applied, OnboardingStage.Trial), Is.False);
        Assert.That(OnboardingTransitions.IsAllowed(OnboardingStage.Trial, OnboardingStage.Active), Is.True);
        Assert.Throws<PreconditionFailedException>(() => OnboardingTransitions.Require(OnboardingStage.Active, OnboardingStage.Trial));
    }

    [Test]
    public void Programmes_follow_join_date_and_orders()
    {
        var rules = new ProgrammeRules(new OnboardingRules());
        var joined = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.That(rules.OnTrialOpened(joined, joined.AddDays(2))?.Programme, Is.EqualTo(ProgrammeKind.ColdStart));
        Assert.That(rules.OnTrialOpened(joined, joined.AddDays(31)), Is.Null, "cold start only for stores opened within 30 days");
        Assert.That(rules.OnOrders(joined, joined.AddDays(3), 2, false), Is.Null, "too few orders");
        var reward = rules.OnOrders(joined, joined.AddDays(3), 3, false);
        Assert.That(reward?.Programme, Is.EqualTo(ProgrammeKind.TrafficRewards));
        Assert.That(reward?.DailyRewardExposures, Is.EqualTo(500));
        Assert.That(rules.OnOrders(joined, joined.AddDays(3), 4, true), Is.Null, "granted once");
        Assert.That(rules.OnOrders(joined, joined.AddDays(15), 3, false), Is.Null, "outside the 14-day window");
    }
}
