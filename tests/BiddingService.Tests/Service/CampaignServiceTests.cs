using Commerce.Bidding.Grpc;
using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Bidding.V1;
using Commerce.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Commerce.Bidding.Tests.Service.BiddingClient;

namespace Commerce.Bidding.Tests.Service;

public sealed class CampaignServiceTests
{
    [Test]
    public async Task Merchant_creates_pauses_resumes_and_changes_its_campaign_and_another_merchant_cannot_see_it()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var mine = For(host, Callers.Merchant("m1"));
        var other = For(host, Callers.Merchant("m2"));

        var request = NewCampaign(budget: 500);
        var created = (await mine.CreateCampaignAsync(request)).Campaign;
        var retried = (await mine.CreateCampaignAsync(request)).Campaign;
        var paused = (await mine.PauseCampaignAsync(new PauseCampaignRequest { CampaignId = created.CampaignId })).Campaign;
        var resumed = (await mine.ResumeCampaignAsync(new ResumeCampaignRequest { CampaignId = created.CampaignId })).Campaign;
        var changed = (await mine.UpdateCampaignAsync(new UpdateCampaignRequest
        {
            Campaign = new Campaign { CampaignId = created.CampaignId, DailyBudget = Yuan(300), Name = "ignored: not in mask" },
            UpdateMask = new FieldMask { Paths = { "daily_budget" } },
        })).Campaign;
        var otherGet = Assert.ThrowsAsync<RpcException>(async () => await other.GetCampaignAsync(new GetCampaignRequest { CampaignId = created.CampaignId }));
        var otherList = await other.ListCampaignsAsync(new ListCampaignsRequest());

        Assert.That(created.State, Is.EqualTo(CampaignState.Active));
        Assert.That(created.MerchantId, Is.EqualTo("m1"));
        Assert.That(retried.CampaignId, Is.EqualTo(created.CampaignId), "idempotent per request_id");
        Assert.That(paused.State, Is.EqualTo(CampaignState.Paused));
        Assert.That(resumed.State, Is.EqualTo(CampaignState.Active));
        Assert.That(changed.DailyBudget.ToDecimal(), Is.EqualTo(300m));
        Assert.That(changed.Name, Is.EqualTo("evening live"));
        Assert.That(otherGet!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(otherList.Campaigns, Is.Empty);
    }

    [TestCase(-5, StatusCode.InvalidArgument)]
    [TestCase(0, StatusCode.InvalidArgument)]
    [TestCase(5_000_000, StatusCode.InvalidArgument)]
    public async Task Absurd_budgets_are_refused_and_nothing_is_stored(decimal budget, StatusCode expected)
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var client = For(host, Callers.Merchant("m1"));

        var error = Assert.ThrowsAsync<RpcException>(async () => await client.CreateCampaignAsync(NewCampaign(budget: budget)));
        var list = await client.ListCampaignsAsync(new ListCampaignsRequest());

        Assert.That(error!.StatusCode, Is.EqualTo(expected));
        Assert.That(error.Status.Detail, Does.Contain("daily_budget"));
        Assert.That(list.Campaigns, Is.Empty);
    }

    [Test]
    public async Task A_bad_update_changes_nothing()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var client = For(host, Callers.Merchant("m1"));
        var created = (await client.CreateCampaignAsync(NewCampaign(budget: 100))).Campaign;

        var error = Assert.ThrowsAsync<RpcException>(async () => await client.UpdateCampaignAsync(new UpdateCampaignRequest
        {
            Campaign = new Campaign { CampaignId = created.CampaignId, Name = "new name", DailyBudget = Yuan(-1) },
            UpdateMask = new FieldMask { Paths = { "name", "daily_budget" } },
        }));
        var after = (await client.GetCampaignAsync(new GetCampaignRequest { CampaignId = created.CampaignId })).Campaign;

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(after.Name, Is.EqualTo("evening live"));
        Assert.That(after.DailyBudget.ToDecimal(), Is.EqualTo(100m));
    }

    [Test]
    public async Task Bid_answers_clear_statuses_for_bad_probabilities_unknown_campaigns_and_non_operators()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var merchant = For(host, Callers.Merchant("m1"));
        var auction = For(host, Callers.Operator());
        var id = (await merchant.CreateCampaignAsync(NewCampaign())).Campaign.CampaignId;

        var badCtr = Assert.ThrowsAsync<RpcException>(async () => await auction.BidAsync(new BidRequest { Opportunity = Opportunity(id, pctr: 1.5) }));
        var badCvr = Assert.ThrowsAsync<RpcException>(async () => await auction.BidAsync(new BidRequest { Opportunity = Opportunity(id, pcvr: -0.1) }));
        var unknown = Assert.ThrowsAsync<RpcException>(async () => await auction.BidAsync(new BidRequest { Opportunity = Opportunity("cmp_nope") }));
        var notOperator = Assert.ThrowsAsync<RpcException>(async () => await merchant.BidAsync(new BidRequest { Opportunity = Opportunity(id) }));
        var batch = new BidBatchRequest { Opportunities = { Opportunity(id), Opportunity(id, pctr: double.NaN) } };
        var badBatch = Assert.ThrowsAsync<RpcException>(async () => await auction.BidBatchAsync(batch));
        var reserved = (await merchant.GetCampaignAsync(new GetCampaignRequest { CampaignId = id })).Campaign;

        Assert.That(badCtr!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(badCtr.Status.Detail, Does.Contain("pctr"));
        Assert.That(badCvr!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(unknown!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        Assert.That(notOperator!.StatusCode, Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(badBatch!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(reserved.Today.Spend.ToDecimal(), Is.Zero);
    }

    [Test]
    public async Task Concurrent_bids_and_wins_never_overspend_and_budget_exhaustion_is_published_once()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var merchant = For(host, Callers.Merchant("m1"));
        var auction = For(host, Callers.Operator());
        // Target CPA 20, pCTR x pCVR = 0.05: each impression is worth 1 yuan; a budget of 30 covers about 30 wins.
        var id = (await merchant.CreateCampaignAsync(NewCampaign(budget: 30, targetCpa: 20))).Campaign.CampaignId;

        var wins = 0;
        var duplicates = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var result = (await auction.BidAsync(new BidRequest { Opportunity = Opportunity(id, id: "op-" + i) }, cancellationToken: ct)).Result;
            var bid = result.Bids[0];
            if (bid.Status != BidStatus.Bid) return;
            var report = new ReportWinRequest { OpportunityId = "op-" + i, CampaignId = id, PricePaid = bid.BidPrice };
            await auction.ReportWinAsync(report, cancellationToken: ct);
            Interlocked.Increment(ref wins);
            if ((await auction.ReportWinAsync(report, cancellationToken: ct)).Duplicate) Interlocked.Increment(ref duplicates);
        });
        var campaign = (await merchant.GetCampaignAsync(new GetCampaignRequest { CampaignId = id })).Campaign;
        var exhausted = host.Harness.Published.Select<BudgetExhausted>().Count();

        Assert.That(campaign.Today.Spend.ToDecimal(), Is.LessThanOrEqualTo(30m));
        Assert.That(campaign.Today.Spend.ToDecimal(), Is.GreaterThan(29m), "the budget is used up to its last yuan");
        Assert.That(duplicates, Is.EqualTo(wins), "a repeated win notice is charged once");
        Assert.That(campaign.State, Is.EqualTo(CampaignState.BudgetExhausted));
        Assert.That(exhausted, Is.EqualTo(1));
    }

    [Test]
    public async Task A_price_above_the_bid_is_refused_and_paused_campaigns_do_not_bid()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var merchant = For(host, Callers.Merchant("m1"));
        var auction = For(host, Callers.Operator());
        var id = (await merchant.CreateCampaignAsync(NewCampaign())).Campaign.CampaignId;

        var bid = (await auction.BidAsync(new BidRequest { Opportunity = Opportunity(id, id: "op-1") })).Result.Bids[0];
        var above = Assert.ThrowsAsync<RpcException>(async () => await auction.ReportWinAsync(new ReportWinRequest
        {
            OpportunityId = "op-1", CampaignId = id, PricePaid = Yuan(bid.BidPrice.ToDecimal() + 1),
        }));
        await merchant.PauseCampaignAsync(new PauseCampaignRequest { CampaignId = id });
        var paused = (await auction.BidAsync(new BidRequest { Opportunity = Opportunity(id) })).Result.Bids[0];

        Assert.That(bid.Status, Is.EqualTo(BidStatus.Bid));
        Assert.That(above!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(paused.Status, Is.EqualTo(BidStatus.Paused));
    }

    [Test]
    public async Task Conversions_are_counted_once_per_event()
    {
        await using var host = new ServiceHost<BiddingGrpcService>();
        var merchant = For(host, Callers.Merchant("m1"));
        var id = (await merchant.CreateCampaignAsync(NewCampaign())).Campaign.CampaignId;
        await host.Harness.Start();

        var conversion = new ConversionRecorded { CampaignId = id, OrderId = "o1", Value = 59.9m };
        await host.Harness.Bus.Publish(conversion);
        await host.Harness.Bus.Publish(conversion);
        // Poll with a deadline until both deliveries were consumed (the harness consumes asynchronously).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (host.Harness.Consumed.Select<ConversionRecorded>().Count() < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        var campaign = (await merchant.GetCampaignAsync(new GetCampaignRequest { CampaignId = id })).Campaign;

        Assert.That(campaign.Today.Conversions, Is.EqualTo(1));
        Assert.That(campaign.Today.Gmv.ToDecimal(), Is.EqualTo(59.9m));
    }
}
