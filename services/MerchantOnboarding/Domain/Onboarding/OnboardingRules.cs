namespace Commerce.Onboarding.Domain.Onboarding;

/// <summary>Platform rules of onboarding (configuration section "Onboarding").</summary>
public sealed class OnboardingRules
{
    public const string SectionName = "Onboarding";

    /// <summary>An application not verified within this many days expires.</summary>
    public int ExpireAfterDays { get; set; } = 7;

    /// <summary>Good orders that turn a trial store active without a deposit.</summary>
    public int GoodOrdersToActivate { get; set; } = 10;

    public decimal DepositRequired { get; set; } = 2000m;

    public int TrialMaxDailyOrders { get; set; } = 50;

    public decimal TrialMaxDailyGmv { get; set; } = 5000m;

    /// <summary>Cold-start support lasts this long from the trial store's opening.</summary>
    public int ColdStartDays { get; set; } = 30;

    /// <summary>Traffic rewards go to stores with <see cref="TrafficRewardOrders"/> orders within this many days of joining.</summary>
    public int TrafficRewardWindowDays { get; set; } = 14;

    public int TrafficRewardOrders { get; set; } = 3;

    public int TrafficRewardDays { get; set; } = 14;

    public int TrafficRewardDailyExposures { get; set; } = 500;

    /// <summary>How often the saga worker looks for due steps (expiry, opening trial stores) and the outbox for rows.</summary>
    public int WorkerIntervalMs { get; set; } = 200;
}
