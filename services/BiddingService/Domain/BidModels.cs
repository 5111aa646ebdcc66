namespace Commerce.Bidding.Domain;

public enum BidOutcome
{
    Bid = 1,
    BudgetExhausted = 2,
    Paused = 3,
    OutOfSchedule = 4,
    BelowFloor = 5,
    Paced = 6,
}

public sealed record BidCandidateInput(string CampaignId, double Pctr, double Pcvr, long PredictedValueMicros);

public sealed record RewardCandidateInput(PromotedKind Kind, string TargetId, double Pctr);

public sealed record OpportunityInput(
    string OpportunityId, long FloorMicros, DateTimeOffset OccurTime, IReadOnlyList<BidCandidateInput> Candidates,
    IReadOnlyList<RewardCandidateInput> RewardCandidates);

public sealed record CampaignBidDecision(string CampaignId, BidOutcome Outcome, long BidMicros, double Multiplier);

public sealed record RewardGrantResult(PromotedKind Kind, string TargetId, string MerchantId, long Used, long Cap);

public sealed record OpportunityDecision(string OpportunityId, IReadOnlyList<CampaignBidDecision> Bids, RewardGrantResult? Reward);

public sealed record WinOutcome(long SpendTodayMicros, long RemainingMicros, bool Duplicate, bool Exhausted);
