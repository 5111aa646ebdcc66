using Commerce.Bidding.Domain;
using Commerce.Bidding.Storage;
using Commerce.Protos.Bidding.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Commerce.Bidding.Grpc;

/// <summary>Thin adapter over the domain: validate, call, map. Domain exceptions become gRPC statuses in the interceptor.</summary>
public sealed class BiddingGrpcService(CampaignBook book, RewardLedger rewards, TimeProvider clock) : BiddingService.BiddingServiceBase
{
    private static readonly HashSet<string> MutablePaths = ["name", "daily_budget", "goal", "schedule", "max_bid"];

    public override Task<CreateCampaignResponse> CreateCampaign(CreateCampaignRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.RequireOwnMerchant();
        if (request.Target is null) throw new InvalidInputException("target is required");
        if (request.DailyBudget is null) throw new InvalidInputException("daily_budget is required");
        var draft = ProtoMapping.Apply(new CampaignRecord
        {
            CampaignId = "", MerchantId = "", Name = "", TargetKind = request.Target.Kind.ToDomain(), TargetId = request.Target.TargetId,
            Currency = ProtoMapping.DefaultCurrency, DailyBudgetMicros = 0, Goal = 0, TimeZone = CampaignRules.DefaultTimeZone,
            CreateTime = default, UpdateTime = default,
        }, new Campaign
        {
            Name = request.Name, DailyBudget = request.DailyBudget, Goal = request.Goal, Schedule = request.Schedule, MaxBid = request.MaxBid,
        }, paths: null);
        var campaign = book.Create(caller, draft, request.RequestId);
        return Task.FromResult(new CreateCampaignResponse { Campaign = Map(campaign) });
    }

    public override Task<UpdateCampaignResponse> UpdateCampaign(UpdateCampaignRequest request, ServerCallContext context)
    {
        if (request.Campaign is null || string.IsNullOrEmpty(request.Campaign.CampaignId)) throw new InvalidInputException("campaign.campaign_id is required");
        var paths = request.UpdateMask?.Paths.ToArray() ?? [];
        if (paths.Length == 0) throw new InvalidInputException("update_mask must name at least one of: " + string.Join(", ", MutablePaths));
        if (paths.FirstOrDefault(p => !MutablePaths.Contains(p)) is { } bad)
        {
            throw new InvalidInputException($"update_mask path '{bad}' cannot change; allowed: {string.Join(", ", MutablePaths)}");
        }

        var campaign = book.Change(context.GetCaller(), request.Campaign.CampaignId, current => ProtoMapping.Apply(current, request.Campaign, paths));
        return Task.FromResult(new UpdateCampaignResponse { Campaign = Map(campaign) });
    }

    public override Task<PauseCampaignResponse> PauseCampaign(PauseCampaignRequest request, ServerCallContext context) =>
        Task.FromResult(new PauseCampaignResponse { Campaign = Map(book.SetPaused(context.GetCaller(), Required(request.CampaignId), paused: true)) });

    public override Task<ResumeCampaignResponse> ResumeCampaign(ResumeCampaignRequest request, ServerCallContext context) =>
        Task.FromResult(new ResumeCampaignResponse { Campaign = Map(book.SetPaused(context.GetCaller(), Required(request.CampaignId), paused: false)) });

    public override Task<GetCampaignResponse> GetCampaign(GetCampaignRequest request, ServerCallContext context) =>
        Task.FromResult(new GetCampaignResponse { Campaign = Map(book.Get(context.GetCaller(), Required(request.CampaignId))) });

    public override Task<ListCampaignsResponse> ListCampaigns(ListCampaignsRequest request, ServerCallContext context)
    {
        var (offset, size) = Page(request.PageSize, request.PageToken);
        var caller = context.GetCaller();
        // Filters apply after mapping (state depends on today's delivery); a page may hold fewer than page_size.
        var page = book.List(caller, request.MerchantId, offset, size + 1);
        var response = new ListCampaignsResponse();
        foreach (var c in page.Take(size))
        {
            var proto = Map(c);
            if (request.State != CampaignState.Unspecified && proto.State != request.State) continue;
            if (request.TargetKind != TargetKind.Unspecified && proto.Target.Kind != request.TargetKind) continue;
            response.Campaigns.Add(proto);
        }

        if (page.Count > size) response.NextPageToken = (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(response);
    }

    public override Task<BidResponse> Bid(BidRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireRole(CallerRole.Operator);
        if (request.Opportunity is null) throw new InvalidInputException("opportunity is required");
        var decision = book.Bid([ProtoMapping.ToDomain(request.Opportunity, clock.GetUtcNow())])[0];
        return Task.FromResult(new BidResponse { Result = ProtoMapping.ToProto(decision, CurrencyOf) });
    }

    public override Task<BidBatchResponse> BidBatch(BidBatchRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireRole(CallerRole.Operator);
        if (request.Opportunities.Count > CampaignBook.MaxBatch) throw new LimitExceededException($"at most {CampaignBook.MaxBatch} opportunities per batch");
        var now = clock.GetUtcNow();
        var decisions = book.Bid(request.Opportunities.Select(o => ProtoMapping.ToDomain(o, now)).ToArray());
        var response = new BidBatchResponse();
        foreach (var d in decisions) response.Results.Add(ProtoMapping.ToProto(d, CurrencyOf));
        return Task.FromResult(response);
    }

    public override async Task<ReportWinResponse> ReportWin(ReportWinRequest request, ServerCallContext context)
    {
        context.GetCaller().RequireRole(CallerRole.Operator);
        if (request.PricePaid is null) throw new InvalidInputException("price_paid is required");
        var outcome = await book.ReportWinAsync(Required(request.OpportunityId, "opportunity_id"), Required(request.CampaignId),
            request.PricePaid.ToMicros("price_paid"), request.WinTime?.ToDateTimeOffset() ?? clock.GetUtcNow(), context.CancellationToken);
        var currency = CurrencyOf(request.CampaignId);
        return new ReportWinResponse
        {
            SpendToday = ProtoMapping.ToMoney(outcome.SpendTodayMicros, currency), RemainingBudget = ProtoMapping.ToMoney(outcome.RemainingMicros, currency),
            Duplicate = outcome.Duplicate, State = outcome.Exhausted ? CampaignState.BudgetExhausted : CampaignState.Active,
        };
    }

    public override Task<EnableTrafficRewardsResponse> EnableTrafficRewards(EnableTrafficRewardsRequest request, ServerCallContext context)
    {
        var merchant = MerchantOf(context.GetCaller(), request.MerchantId);
        var settings = rewards.SetEnabled(merchant, request.Enabled, clock.GetUtcNow())
                       ?? throw new PreconditionFailedException("this merchant holds no traffic-reward programme (granted by onboarding)");
        return Task.FromResult(new EnableTrafficRewardsResponse { Settings = Settings(merchant, settings) });
    }

    public override Task<GetRewardUsageResponse> GetRewardUsage(GetRewardUsageRequest request, ServerCallContext context)
    {
        var merchant = MerchantOf(context.GetCaller(), request.MerchantId);
        DateOnly day;
        if (string.IsNullOrEmpty(request.UsageDate))
        {
            day = CampaignRules.DayAndInterval(clock.GetUtcNow(), CampaignRules.ResolveTimeZone(CampaignRules.DefaultTimeZone)).Day;
        }
        else if (!DateOnly.TryParseExact(request.UsageDate, "yyyy-MM-dd", out day))
        {
            throw new InvalidInputException("usage_date must be YYYY-MM-DD");
        }

        PromotedKind? kind = request.Target is null ? null : request.Target.Kind.ToDomain();
        var (offset, size) = Page(request.PageSize, request.PageToken);
        var rows = rewards.Usage(merchant, day, kind, request.Target?.TargetId, offset, size + 1);
        var response = new GetRewardUsageResponse();
        foreach (var (k, target, used) in rows.Take(size))
        {
            response.Usages.Add(new RewardUsage
            {
                Target = new PromotedTarget { Kind = k.ToProto(), TargetId = target }, UsageDate = day.ToString("yyyy-MM-dd"),
                ExposuresUsed = used, DailyCap = RewardLedger.DailyCapPerTarget, Remaining = RewardLedger.DailyCapPerTarget - used,
            });
        }

        if (rows.Count > size) response.NextPageToken = (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Task.FromResult(response);
    }

    private Campaign Map(CampaignRecord c)
    {
        var (campaign, delivery, remaining, multiplier, exhausted) = book.Today(c);
        return ProtoMapping.ToProto(campaign, delivery, remaining, multiplier, exhausted, clock.GetUtcNow());
    }

    private string CurrencyOf(string campaignId) => book.CurrencyOf(campaignId);

    private static TrafficRewardSettings Settings(string merchant, (bool Enabled, DateTimeOffset ValidUntil, DateTimeOffset Updated) s) => new()
    {
        MerchantId = merchant, Enabled = s.Enabled, DailyCapPerTarget = RewardLedger.DailyCapPerTarget,
        ProgrammeEndTime = Timestamp.FromDateTimeOffset(s.ValidUntil), UpdateTime = Timestamp.FromDateTimeOffset(s.Updated),
    };

    private static string MerchantOf(Caller caller, string requested)
    {
        if (caller.IsOperator)
        {
            return string.IsNullOrEmpty(requested) ? throw new InvalidInputException("operators name merchant_id") : requested;
        }

        var own = caller.RequireOwnMerchant();
        if (!string.IsNullOrEmpty(requested) && requested != own) throw new AccessDeniedException("merchant_id is for operators; leave it empty");
        return own;
    }

    private static string Required(string value, string field = "campaign_id") =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"{field} is required") : value;

    private static (int Offset, int Size) Page(int pageSize, string token)
    {
        if (pageSize is < 0 or > 100) throw new InvalidInputException("page_size must be 1-100 (0 for 20)");
        var offset = 0;
        if (!string.IsNullOrEmpty(token) && (!int.TryParse(token, out offset) || offset < 0)) throw new InvalidInputException("page_token is not one this service gave");
        return (offset, pageSize == 0 ? 20 : pageSize);
    }
}
