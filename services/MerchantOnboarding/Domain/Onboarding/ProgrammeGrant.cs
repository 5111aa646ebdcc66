namespace Commerce.Onboarding.Domain.Onboarding;

public enum ProgrammeKind
{
    ColdStart = 1,
    TrafficRewards = 2,
}

public sealed record ProgrammeGrant(ProgrammeKind Programme, DateTimeOffset Start, DateTimeOffset End, string Reason, int DailyRewardExposures);
