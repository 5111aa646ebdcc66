using Commerce.Bidding.Domain;

namespace Commerce.Bidding.Tests.Domain;

public sealed class CampaignPacerTests
{
    private static CampaignRecord Campaign(long budgetMicros) => new()
    {
        CampaignId = "c1", MerchantId = "m1", Name = "c", TargetKind = PromotedKind.Product, TargetId = "p", Currency = "CNY",
        DailyBudgetMicros = budgetMicros, Goal = GoalKind.TargetCpa, TargetCpaMicros = 20_000_000, TimeZone = CampaignRules.DefaultTimeZone,
        CreateTime = DateTimeOffset.UnixEpoch, UpdateTime = DateTimeOffset.UnixEpoch,
    };

    [Test]
    public void Concurrent_bids_never_reserve_more_than_the_budget()
    {
        var now = DateTimeOffset.UtcNow;
        var (day, interval) = CampaignRules.DayAndInterval(now, CampaignRules.ResolveTimeZone(CampaignRules.DefaultTimeZone));
        var pacer = new CampaignPacer(Campaign(50_000_000), new PacingSettings(), TimeSpan.FromHours(1), day, interval, 0);
        long reservedTotal = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var decision = pacer.Decide(new BidCandidateInput("c1", 0.1, 0.5, 0), "o" + i, 0, now);
            if (decision.Outcome == BidOutcome.Bid) Interlocked.Add(ref reservedTotal, decision.BidMicros);
        });

        Assert.That(reservedTotal, Is.LessThanOrEqualTo(50_000_000));
        Assert.That(pacer.Snapshot().Reserved, Is.EqualTo(reservedTotal));
        Assert.That(reservedTotal, Is.GreaterThan(49_000_000), "the budget is reserved up to its end");
    }

    [Test]
    public void A_win_turns_its_reservation_into_spend_at_the_price_paid()
    {
        var now = DateTimeOffset.UtcNow;
        var (day, interval) = CampaignRules.DayAndInterval(now, CampaignRules.ResolveTimeZone(CampaignRules.DefaultTimeZone));
        var pacer = new CampaignPacer(Campaign(100_000_000), new PacingSettings(), TimeSpan.FromHours(1), day, interval, 0);

        var bid = pacer.Decide(new BidCandidateInput("c1", 0.1, 0.5, 0), "o1", 0, now);
        var aboveBid = pacer.CheckWin("o1", bid.BidMicros + 1);
        pacer.BookWin("o1", bid.BidMicros / 2, day);

        Assert.That(aboveBid, Is.EqualTo(WinCheck.AboveBid));
        Assert.That(pacer.Snapshot(), Is.EqualTo((bid.BidMicros / 2, 0L, false)));
    }
}
