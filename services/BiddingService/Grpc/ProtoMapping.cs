using Commerce.Bidding.Domain;
using Commerce.Protos.Bidding.V1;
using Commerce.Protos.Type.V1;
using Commerce.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;

namespace Commerce.Bidding.Grpc;

/// <summary>Proto to domain and back: money as micros, enums by value, absent fields as null.</summary>
public static class ProtoMapping
{
    public const string DefaultCurrency = "CNY";

    public static long ToMicros(this Money? money, string field)
    {
        if (money is null) return 0;
        if (money.Nanos is < -999_999_999 or > 999_999_999 || (money.Units > 0 && money.Nanos < 0) || (money.Units < 0 && money.Nanos > 0))
        {
            throw new InvalidInputException($"{field}: nanos must be within +-999,999,999 and carry the sign of units");
        }

        if (Math.Abs(money.Units) > 1_000_000_000_000) throw new InvalidInputException($"{field} is absurdly large");
        return money.Units * CampaignRules.MicrosPerUnit + money.Nanos / 1000;
    }

    public static Money ToMoney(long micros, string currency) => new()
    {
        CurrencyCode = currency, Units = micros / CampaignRules.MicrosPerUnit, Nanos = (int)(micros % CampaignRules.MicrosPerUnit * 1000),
    };

    public static PromotedKind ToDomain(this TargetKind kind) => kind switch
    {
        TargetKind.LiveRoom => PromotedKind.LiveRoom,
        TargetKind.Video => PromotedKind.Video,
        TargetKind.Product => PromotedKind.Product,
        _ => throw new InvalidInputException("target.kind must be LIVE_ROOM, VIDEO or PRODUCT"),
    };

    public static TargetKind ToProto(this PromotedKind kind) => (TargetKind)(int)kind;

    public static string CurrencyOf(Money? money) => string.IsNullOrEmpty(money?.CurrencyCode) ? DefaultCurrency : money.CurrencyCode;

    /// <summary>Applies proto fields onto a campaign record (all of them, or those named by the mask).</summary>
    public static CampaignRecord Apply(CampaignRecord into, Campaign from, IReadOnlyCollection<string>? paths)
    {
        bool Has(string p) => paths is null || paths.Contains(p);
        var c = into;
        if (Has("name")) c = c with { Name = from.Name };
        if (Has("daily_budget"))
        {
            if (from.DailyBudget is null) throw new InvalidInputException("daily_budget is required");
            if (!string.IsNullOrEmpty(from.DailyBudget.CurrencyCode) && from.DailyBudget.CurrencyCode.Length != 3)
            {
                throw new InvalidInputException("daily_budget.currency_code must be an ISO 4217 code");
            }

            c = c with { DailyBudgetMicros = from.DailyBudget.ToMicros("daily_budget"), Currency = CurrencyOf(from.DailyBudget) };
        }

        if (Has("goal"))
        {
            c = from.Goal?.TargetCase switch
            {
                CampaignGoal.TargetOneofCase.TargetCpa => c with { Goal = GoalKind.TargetCpa, TargetCpaMicros = from.Goal.TargetCpa.ToMicros("goal.target_cpa"), TargetRoi = 0 },
                CampaignGoal.TargetOneofCase.TargetRoi => c with { Goal = GoalKind.TargetRoi, TargetRoi = from.Goal.TargetRoi, TargetCpaMicros = 0 },
                _ => throw new InvalidInputException("goal needs target_cpa or target_roi"),
            };
        }

        if (Has("schedule"))
        {
            c = c with
            {
                StartTime = from.Schedule?.StartTime?.ToDateTimeOffset(), EndTime = from.Schedule?.EndTime?.ToDateTimeOffset(),
                TimeZone = string.IsNullOrEmpty(from.Schedule?.TimeZone) ? CampaignRules.DefaultTimeZone : from.Schedule.TimeZone,
            };
        }

        if (Has("max_bid")) c = c with { MaxBidMicros = from.MaxBid is null ? null : from.MaxBid.ToMicros("max_bid") };
        return c;
    }

    public static Campaign ToProto(CampaignRecord c, DeliveryDay delivery, long remaining, double multiplier, bool exhausted, DateTimeOffset now)
    {
        var state = c.EndTime is { } end && end <= now ? CampaignState.Ended
            : c.Paused ? CampaignState.Paused
            : c.StartTime is { } start && now < start ? CampaignState.Scheduled
            : exhausted ? CampaignState.BudgetExhausted
            : CampaignState.Active;
        var proto = new Campaign
        {
            CampaignId = c.CampaignId, MerchantId = c.MerchantId, Name = c.Name,
            Target = new PromotedTarget { Kind = c.TargetKind.ToProto(), TargetId = c.TargetId },
            DailyBudget = ToMoney(c.DailyBudgetMicros, c.Currency),
            Goal = c.Goal == GoalKind.TargetCpa ? new CampaignGoal { TargetCpa = ToMoney(c.TargetCpaMicros, c.Currency) } : new CampaignGoal { TargetRoi = c.TargetRoi },
            Schedule = new CampaignSchedule
            {
                StartTime = c.StartTime is { } s ? Timestamp.FromDateTimeOffset(s) : null,
                EndTime = c.EndTime is { } e ? Timestamp.FromDateTimeOffset(e) : null, TimeZone = c.TimeZone,
            },
            MaxBid = c.MaxBidMicros is { } m ? ToMoney(m, c.Currency) : null,
            State = state,
            Today = new CampaignDelivery
            {
                Spend = ToMoney(delivery.SpendMicros, c.Currency), RemainingBudget = ToMoney(remaining, c.Currency), Impressions = delivery.Impressions,
                Conversions = delivery.Conversions, Gmv = ToMoney(delivery.GmvMicros, c.Currency), BidMultiplier = multiplier,
            },
            CreateTime = Timestamp.FromDateTimeOffset(c.CreateTime), UpdateTime = Timestamp.FromDateTimeOffset(c.UpdateTime),
        };
        return proto;
    }

    public static OpportunityInput ToDomain(BidOpportunity o, DateTimeOffset now) => new(
        o.OpportunityId, o.FloorPrice.ToMicros("floor_price"), o.OccurTime?.ToDateTimeOffset() ?? now,
        o.Candidates.Select(c => new BidCandidateInput(c.CampaignId, c.Pctr, c.Pcvr, c.PredictedValue.ToMicros("predicted_value"))).ToArray(),
        o.RewardCandidates.Select(r => new RewardCandidateInput(
            r.Target?.Kind switch { TargetKind.LiveRoom => PromotedKind.LiveRoom, TargetKind.Video => PromotedKind.Video, _ => PromotedKind.Product },
            r.Target?.TargetId ?? "", r.Pctr)).ToArray());

    public static BidResult ToProto(OpportunityDecision d, Func<string, string> currencyOf)
    {
        var result = new BidResult { OpportunityId = d.OpportunityId };
        foreach (var b in d.Bids)
        {
            result.Bids.Add(new CampaignBid
            {
                CampaignId = b.CampaignId, Status = (BidStatus)(int)b.Outcome, BidMultiplier = b.Multiplier,
                BidPrice = b.Outcome == BidOutcome.Bid ? ToMoney(b.BidMicros, currencyOf(b.CampaignId)) : null,
            });
        }

        if (d.Reward is { } r)
        {
            result.RewardGrant = new RewardGrant
            {
                Target = new PromotedTarget { Kind = r.Kind.ToProto(), TargetId = r.TargetId }, MerchantId = r.MerchantId, ExposuresUsed = r.Used, DailyCap = r.Cap,
            };
        }

        return result;
    }
}
