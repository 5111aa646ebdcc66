using Commerce.IntegrationEvents.V1;
using Commerce.Protos.Onboarding.V1;
using Commerce.TestSupport;
using Grpc.Core;
using MassTransit.Testing;

namespace Commerce.Onboarding.Tests;

public sealed class ReportAndAdvisorServiceTests
{
    [Test]
    public async Task Daily_report_compares_the_day_with_the_previous_week_counts_each_event_once_and_is_private()
    {
        await using var host = Fixtures.Host();
        const string merchantId = "mer_report";
        // 12:00 China time on each day.
        DateTimeOffset Day(int d) => new DateTimeOffset(2026, 12, d, 12, 0, 0, TimeSpan.FromHours(8));
        var events = new List<object>();
        for (var d = 1; d <= 7; d++)
            events.Add(new OrderPlaced { OrderId = $"o{d}", BuyerId = "b", MerchantId = merchantId, ProductId = "p-old", Quantity = 1, Amount = 70m, OccurredAt = Day(d) });
        var top = new OrderPlaced { OrderId = "t1", BuyerId = "b", MerchantId = merchantId, ProductId = "p-top", Quantity = 2, Amount = 300m, OccurredAt = Day(8) };
        events.Add(top);
        events.Add(new OrderPlaced { OrderId = "t2", BuyerId = "b", MerchantId = merchantId, ProductId = "p-small", Quantity = 1, Amount = 20m, OccurredAt = Day(8) });
        events.Add(new OrderPlaced { OrderId = "x", BuyerId = "b", MerchantId = "mer_other", ProductId = "p-x", Quantity = 1, Amount = 999m, OccurredAt = Day(8) });
        events.Add(new ClipPublished { ClipId = "c1", SessionId = "s", MerchantId = merchantId, Kind = "highlight", Title = "t", VideoUri = "v", DurationSeconds = 30, OccurredAt = Day(8) });
        events.Add(new LiveSessionEnded { SessionId = "s", MerchantId = merchantId, RoomId = "r", VideoUri = "v", DurationSeconds = 5400, OccurredAt = Day(8) });
        events.Add(new BudgetExhausted { CampaignId = "cmp", MerchantId = merchantId, Day = new DateOnly(2026, 12, 8), Spent = 150m });
        foreach (var e in events) await host.Harness.Bus.Publish(e, e.GetType());
        await host.Harness.Bus.Publish(top); // a redelivery changes nothing
        await Fixtures.WaitUntil(() => host.Harness.Consumed.Select<OrderPlaced>().Count() >= 11 && host.Harness.Consumed.Select<BudgetExhausted>().Any()
            && host.Harness.Consumed.Select<LiveSessionEnded>().Any() && host.Harness.Consumed.Select<ClipPublished>().Any());

        var merchant = Fixtures.Client(host, Callers.Merchant(merchantId));
        var report = (await merchant.GetDailyReportAsync(new GetDailyReportRequest { ReportDate = "2026-12-08" })).Report;
        Assert.That(report.Day.OrderCount, Is.EqualTo(2));
        Assert.That(report.Day.Gmv.Units, Is.EqualTo(320));
        Assert.That(report.Day.LiveMinutes, Is.EqualTo(90));
        Assert.That(report.Day.ClipsPublished, Is.EqualTo(1));
        Assert.That(report.Day.AdSpend.Units, Is.EqualTo(150));
        Assert.That(report.TrailingWeekDays, Has.Count.EqualTo(7));
        Assert.That(report.TrailingWeekDays[0].Date, Is.EqualTo("2026-12-01"));
        Assert.That(report.TrailingWeekAverage.OrderCount, Is.EqualTo(1));
        Assert.That(report.TrailingWeekAverage.Gmv.Units, Is.EqualTo(70));
        Assert.That(report.TopProducts.Select(p => p.ProductId), Is.EqualTo(new[] { "p-top", "p-small" }));

        Assert.That(Fixtures.StatusOf(() => merchant.GetDailyReportAsync(new GetDailyReportRequest { MerchantId = "mer_other" }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
        Assert.That(Fixtures.StatusOf(() => merchant.GetDailyReportAsync(new GetDailyReportRequest { ReportDate = "08/12/2026" }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        var op = Fixtures.Client(host, Callers.Operator());
        Assert.That((await op.GetDailyReportAsync(new GetDailyReportRequest { MerchantId = "mer_other", ReportDate = "2026-12-08" })).Report.Day.Gmv.Units, Is.EqualTo(999));
    }

    [Test]
    public async Task Advisor_cites_policies_and_declines_what_it_does_not_know()
    {
        await using var host = Fixtures.Host();
        var merchant = Fixtures.Client(host, Callers.Merchant("mer_ask"));
        var known = await merchant.AskAdvisorAsync(new AskAdvisorRequest { Question = "开店要交多少保证金？" });
        Assert.That(known.Status, Is.EqualTo(AdvisorAnswerStatus.Answered));
        Assert.That(known.Answer, Does.Contain("2000"));
        Assert.That(known.Citations[0].DocumentId, Is.EqualTo("deposit"));
        var unknown = await merchant.AskAdvisorAsync(new AskAdvisorRequest { Question = "What is the capital of France?" });
        Assert.That(unknown.Status, Is.EqualTo(AdvisorAnswerStatus.NotKnown));
        Assert.That(unknown.Citations, Is.Empty);
        Assert.That(Fixtures.StatusOf(() => merchant.AskAdvisorAsync(new AskAdvisorRequest { Question = "" }).ResponseAsync), Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(Fixtures.StatusOf(() => Fixtures.Client(host, Callers.Buyer("b")).AskAdvisorAsync(new AskAdvisorRequest { Question = "保证金" }).ResponseAsync), Is.EqualTo(StatusCode.PermissionDenied));
    }
}
