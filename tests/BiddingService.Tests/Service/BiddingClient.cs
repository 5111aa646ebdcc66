using Commerce.Bidding.Grpc;
using Commerce.Protos.Bidding.V1;
using Commerce.Protos.Type.V1;
using Commerce.TestSupport;

namespace Commerce.Bidding.Tests.Service;

/// <summary>Builders shared by the service tests: a host, clients per caller, and requests.</summary>
internal static class BiddingClient
{
    public static BiddingService.BiddingServiceClient For(ServiceHost<BiddingGrpcService> host, (string, string)[] caller) =>
        new(host.CreateChannel(caller));

    public static Money Yuan(decimal amount) => new()
    {
        CurrencyCode = "CNY", Units = (long)decimal.Truncate(amount), Nanos = (int)((amount - decimal.Truncate(amount)) * 1_000_000_000m),
    };

    public static CreateCampaignRequest NewCampaign(decimal budget = 100, decimal targetCpa = 20, string target = "room-1", TargetKind kind = TargetKind.LiveRoom) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"), Name = "evening live", Target = new PromotedTarget { Kind = kind, TargetId = target },
        DailyBudget = Yuan(budget), Goal = new CampaignGoal { TargetCpa = Yuan(targetCpa) },
    };

    public static BidOpportunity Opportunity(string campaignId, double pctr = 0.1, double pcvr = 0.5, string? id = null) => new()
    {
        OpportunityId = id ?? Guid.NewGuid().ToString("N"), FloorPrice = Yuan(0),
        Candidates = { new BidCandidate { CampaignId = campaignId, Pctr = pctr, Pcvr = pcvr } },
    };

    public static decimal ToDecimal(this Money m) => m.Units + m.Nanos / 1_000_000_000m;
}
