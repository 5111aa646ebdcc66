using System.Collections.Concurrent;
using Commerce.Bidding.Storage;
using Commerce.IntegrationEvents.V1;
using Commerce.ServiceDefaults.Errors;
using Commerce.ServiceDefaults.Identity;
using MassTransit;

namespace Commerce.Bidding.Domain;

/// <summary>
/// The campaigns and their live pacers: commands (create, change, pause, resume) with access checks, the bid path
/// (<see cref="Bid"/>, in memory but for reward grants), wins and conversions. A merchant reaches only its own
/// campaigns (another's answers NotFound, so ids cannot be probed); an operator reaches all.
/// </summary>
public sealed class CampaignBook
{
    public const int MaxCandidates = 100;
    public const int MaxRewardCandidates = 100;
    public const int MaxBatch = 1000;

    private readonly BiddingStore _store;
    private readonly RewardLedger _rewards;
    private readonly PacingSettings _settings;
    private readonly TimeProvider _clock;
    private readonly IPublishEndpoint _publish;
    private readonly TimeSpan _reservationTtl;
    private readonly ConcurrentDictionary<string, CampaignPacer> _pacers = new(StringComparer.Ordinal);
    private readonly Lock _loadGate = new();

    public CampaignBook(BiddingStore store, RewardLedger rewards, PacingSettings settings, TimeProvider clock, IPublishEndpoint publish, TimeSpan reservationTtl)
    {
        _store = store;
        _rewards = rewards;
        _settings = settings;
        _clock = clock;
        _publish = publish;
        _reservationTtl = reservationTtl;
        foreach (var c in store.All()) Track(c);
    }

    public CampaignRecord Create(Caller caller, CampaignRecord draft, string? requestId)
    {
        var merchant = caller.RequireOwnMerchant();
        if (requestId is { Length: > 128 }) throw new InvalidInputException("request_id may be at most 128 characters");
        if (!string.IsNullOrEmpty(requestId) && _store.FindByRequest(merchant, requestId) is { } earlier) return earlier;
        var now = _clock.GetUtcNow();
        var campaign = draft with { CampaignId = "cmp_" + Guid.NewGuid().ToString("N")[..20], MerchantId = merchant, CreateTime = now, UpdateTime = now };
        CampaignRules.Validate(campaign);
        if (!_store.Insert(campaign, string.IsNullOrEmpty(requestId) ? null : requestId))
        {
            return _store.FindByRequest(merchant, requestId!) ?? throw new ConflictException("campaign already exists");
        }

        _rewards.RegisterTarget(campaign.TargetKind, campaign.TargetId, merchant);
        Track(campaign);
        return campaign;
    }

    public string CurrencyOf(string campaignId) => Find(campaignId).Campaign.Currency;

    public CampaignRecord Get(Caller caller, string campaignId) => Reach(caller, campaignId).Campaign;

    public IReadOnlyList<CampaignRecord> List(Caller caller, string? merchantId, int offset, int limit)
    {
        var merchant = caller.IsOperator && !string.IsNullOrEmpty(merchantId) ? merchantId : caller.IsOperator ? null : caller.RequireOwnMerchant();
        return _store.List(merchant, offset, limit);
    }

    /// <summary>Applies a change built from the current campaign; validated in full before it is written.</summary>
    public CampaignRecord Change(Caller caller, string campaignId, Func<CampaignRecord, CampaignRecord> change)
    {
        var pacer = Reach(caller, campaignId);
        lock (pacer)
        {
            var current = pacer.Campaign;
            var next = change(current) with
            {
                CampaignId = current.CampaignId, MerchantId = current.MerchantId, TargetKind = current.TargetKind, TargetId = current.TargetId,
                CreateTime = current.CreateTime, UpdateTime = _clock.GetUtcNow(),
            };
            CampaignRules.Validate(next);
            _store.Update(next);
            pacer.Replace(next);
            return next;
        }
    }

    public CampaignRecord SetPaused(Caller caller, string campaignId, bool paused)
    {
        var pacer = Reach(caller, campaignId);
        if (!paused && pacer.Campaign.EndTime is { } end && end <= _clock.GetUtcNow())
        {
            throw new PreconditionFailedException("the campaign has ended; change its schedule.end_time to run it again");
        }

        return pacer.Campaign.Paused == paused ? pacer.Campaign : Change(caller, campaignId, c => c with { Paused = paused });
    }

    public (CampaignRecord Campaign, DeliveryDay Delivery, long Remaining, double Multiplier, bool Exhausted) Today(CampaignRecord campaign)
    {
        var pacer = _pacers[campaign.CampaignId];
        var (day, _) = CampaignRules.DayAndInterval(_clock.GetUtcNow(), pacer.Zone);
        var delivery = _store.Delivery(campaign.CampaignId, day);
        var spent = Math.Max(delivery.SpendMicros, pacer.Snapshot().Spent);
        return (campaign, delivery with { SpendMicros = spent }, Math.Max(0, campaign.DailyBudgetMicros - spent), pacer.Multiplier,
            campaign.DailyBudgetMicros - spent < Math.Max(1, campaign.DailyBudgetMicros / 10_000));
    }

    /// <summary>Bids for a batch; every opportunity is validated before anything is reserved.</summary>
    public IReadOnlyList<OpportunityDecision> Bid(IReadOnlyList<OpportunityInput> opportunities)
    {
        if (opportunities.Count is 0 or > MaxBatch) throw new InvalidInputException($"send 1-{MaxBatch} opportunities");
        var pacers = new CampaignPacer[opportunities.Count][];
        for (var i = 0; i < opportunities.Count; i++) pacers[i] = Validate(opportunities[i], i);

        var now = _clock.GetUtcNow();
        var decisions = new OpportunityDecision[opportunities.Count];
        var anyReward = false;
        for (var i = 0; i < opportunities.Count; i++)
        {
            var o = opportunities[i];
            var bids = new CampaignBidDecision[o.Candidates.Count];
            for (var k = 0; k < bids.Length; k++) bids[k] = pacers[i][k].Decide(o.Candidates[k], o.OpportunityId, o.FloorMicros, o.OccurTime);
            decisions[i] = new OpportunityDecision(o.OpportunityId, bids, null);
            anyReward |= o.RewardCandidates.Count > 0;
        }

        if (!anyReward) return decisions;
        var (day, _) = CampaignRules.DayAndInterval(now, CampaignRules.ResolveTimeZone(CampaignRules.DefaultTimeZone));
        var grants = _rewards.TryGrant(opportunities.Select(o => o.RewardCandidates).ToArray(), day, now);
        for (var i = 0; i < decisions.Length; i++) decisions[i] = decisions[i] with { Reward = grants[i] };
        return decisions;
    }

    public async Task<WinOutcome> ReportWinAsync(string opportunityId, string campaignId, long priceMicros, DateTimeOffset winTime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(opportunityId) || opportunityId.Length > 128) throw new InvalidInputException("opportunity_id must be 1-128 characters");
        if (priceMicros < 0) throw new InvalidInputException("price_paid must not be negative");
        var pacer = Find(campaignId);
        var campaign = pacer.Campaign;
        var check = pacer.CheckWin(opportunityId, priceMicros);
        if (check == WinCheck.AboveBid) throw new InvalidInputException("price_paid is above the bid made for this opportunity");
        var (day, _) = CampaignRules.DayAndInterval(winTime, pacer.Zone);
        if (check == WinCheck.OverBudget && _store.Delivery(campaignId, day) is var _ && !IsKnownWin(opportunityId, campaignId, day, campaign, priceMicros))
        {
            throw new PreconditionFailedException("no open bid for this opportunity and the price does not fit the budget left");
        }

        var stored = _store.RecordWin(opportunityId, campaignId, day, priceMicros, campaign.DailyBudgetMicros)
                     ?? throw new PreconditionFailedException("the price does not fit the campaign's budget left today");
        var announce = !stored.Duplicate && pacer.BookWin(opportunityId, priceMicros, day);
        var remaining = Math.Max(0, campaign.DailyBudgetMicros - stored.SpendToday);
        var exhausted = remaining < Math.Max(1, campaign.DailyBudgetMicros / 10_000);
        if (announce)
        {
            await _publish.Publish(new BudgetExhausted
            {
                CampaignId = campaignId, MerchantId = campaign.MerchantId, Day = day, Spent = stored.SpendToday / (decimal)CampaignRules.MicrosPerUnit,
            }, ct);
        }

        return new WinOutcome(stored.SpendToday, remaining, stored.Duplicate, exhausted);
    }

    public void RecordConversion(ConversionRecorded e)
    {
        if (!_pacers.TryGetValue(e.CampaignId, out var pacer)) return;
        var value = (long)Math.Round(e.Value * CampaignRules.MicrosPerUnit);
        var (day, _) = CampaignRules.DayAndInterval(e.OccurredAt, pacer.Zone);
        var applied = _store.OnceForEvent(e.EventId, (c, tx) =>
        {
            BiddingStore.Exec(c, tx, "INSERT INTO delivery(campaign_id, day) VALUES($c,$d) ON CONFLICT DO NOTHING", ("$c", e.CampaignId), ("$d", day.ToString("O")));
            BiddingStore.Exec(c, tx, "UPDATE delivery SET conversions = conversions + 1, gmv = gmv + $v WHERE campaign_id=$c AND day=$d",
                ("$v", value), ("$c", e.CampaignId), ("$d", day.ToString("O")));
        });
        if (applied) pacer.AddConversion(value);
    }

    private bool IsKnownWin(string opportunityId, string campaignId, DateOnly day, CampaignRecord campaign, long price)
    {
        // A repeated report of a win already charged answers as a duplicate even when the budget is now spent.
        using var c = _store.Database.Open();
        using var q = c.CreateCommand();
        q.CommandText = "SELECT 1 FROM wins WHERE opportunity_id=$o AND campaign_id=$c";
        q.Parameters.AddWithValue("$o", opportunityId);
        q.Parameters.AddWithValue("$c", campaignId);
        return q.ExecuteScalar() is not null;
    }

    private CampaignPacer[] Validate(OpportunityInput o, int index)
    {
        var at = $"opportunities[{index}]";
        if (string.IsNullOrWhiteSpace(o.OpportunityId) || o.OpportunityId.Length > 128) throw new InvalidInputException($"{at}.opportunity_id must be 1-128 characters");
        if (o.FloorMicros < 0) throw new InvalidInputException($"{at}.floor_price must not be negative");
        if (o.Candidates.Count > MaxCandidates) throw new InvalidInputException($"{at}: at most {MaxCandidates} candidates");
        if (o.RewardCandidates.Count > MaxRewardCandidates) throw new InvalidInputException($"{at}: at most {MaxRewardCandidates} reward candidates");
        if (o.Candidates.Count == 0 && o.RewardCandidates.Count == 0) throw new InvalidInputException($"{at}: name at least one candidate");
        var pacers = new CampaignPacer[o.Candidates.Count];
        for (var k = 0; k < pacers.Length; k++)
        {
            var c = o.Candidates[k];
            if (!(c.Pctr is >= 0 and <= 1)) throw new InvalidInputException($"{at}.candidates[{k}].pctr must be in [0, 1]");
            if (!(c.Pcvr is >= 0 and <= 1)) throw new InvalidInputException($"{at}.candidates[{k}].pcvr must be in [0, 1]");
            if (c.PredictedValueMicros < 0) throw new InvalidInputException($"{at}.candidates[{k}].predicted_value must not be negative");
            pacers[k] = Find(c.CampaignId);
        }

        for (var k = 0; k < o.RewardCandidates.Count; k++)
        {
            var r = o.RewardCandidates[k];
            if (!(r.Pctr is >= 0 and <= 1)) throw new InvalidInputException($"{at}.reward_candidates[{k}].pctr must be in [0, 1]");
            if (r.Kind is not (PromotedKind.LiveRoom or PromotedKind.Video)) throw new InvalidInputException($"{at}.reward_candidates[{k}]: only live rooms and videos get reward exposures");
            if (string.IsNullOrWhiteSpace(r.TargetId)) throw new InvalidInputException($"{at}.reward_candidates[{k}].target.target_id is required");
        }

        return pacers;
    }

    private CampaignPacer Find(string campaignId)
    {
        if (_pacers.TryGetValue(campaignId ?? "", out var pacer)) return pacer;
        // Another replica may have created it since: look in the shared store once.
        if (!string.IsNullOrEmpty(campaignId) && _store.Get(campaignId) is { } stored) return Track(stored);
        throw new NotFoundException($"campaign '{campaignId}' not found");
    }

    private CampaignPacer Reach(Caller caller, string campaignId)
    {
        var pacer = Find(campaignId);
        if (caller.IsOperator) return pacer;
        var merchant = caller.RequireOwnMerchant();
        if (!string.Equals(pacer.Campaign.MerchantId, merchant, StringComparison.Ordinal)) throw new NotFoundException($"campaign '{campaignId}' not found");
        return pacer;
    }

    private CampaignPacer Track(CampaignRecord campaign)
    {
        lock (_loadGate)
        {
            if (_pacers.TryGetValue(campaign.CampaignId, out var existing)) return existing;
            var zone = CampaignRules.ResolveTimeZone(campaign.TimeZone);
            var (day, interval) = CampaignRules.DayAndInterval(_clock.GetUtcNow(), zone);
            var pacer = new CampaignPacer(campaign, _settings, _reservationTtl, day, interval, _store.Delivery(campaign.CampaignId, day).SpendMicros);
            _pacers[campaign.CampaignId] = pacer;
            return pacer;
        }
    }
}
