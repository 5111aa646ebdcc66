using Commerce.Bidding.Domain;

namespace Commerce.Bidding.Tests.Domain;

public sealed class PacingControllerTests
{
    [Test]
    public void Underspending_raises_the_multiplier_and_overspending_lowers_it()
    {
        var slow = new PacingController(new PacingSettings(), budget: 4800);
        var fast = new PacingController(new PacingSettings(), budget: 4800);

        slow.CloseInterval(0, spend: 10, opportunities: 100, spentToday: 10, goalValueToday: 100);
        fast.CloseInterval(0, spend: 400, opportunities: 100, spentToday: 400, goalValueToday: 4000);

        Assert.That(slow.Multiplier, Is.GreaterThan(1));
        Assert.That(fast.Multiplier, Is.LessThan(1));
    }

    [Test]
    public void A_cost_per_conversion_above_target_pulls_the_multiplier_down_even_when_underspending()
    {
        var controller = new PacingController(new PacingSettings(), budget: 4800);

        // Spent 50 for goal value 25: actual CPA is twice the target.
        controller.CloseInterval(0, spend: 50, opportunities: 100, spentToday: 50, goalValueToday: 25);

        Assert.That(controller.Multiplier, Is.LessThan(1));
    }

    [Test]
    public void Cold_start_bids_the_target_value_and_the_multiplier_stays_within_its_caps()
    {
        var settings = new PacingSettings();
        var controller = new PacingController(settings, budget: 1000);
        var start = controller.Multiplier;
        for (var t = 0; t < PacingController.IntervalsPerDay; t++) controller.CloseInterval(t, 0, 100, 0, 0);

        Assert.That(start, Is.EqualTo(settings.ColdStartMultiplier));
        Assert.That(controller.Multiplier, Is.EqualTo(settings.MaxMultiplier));
    }

    [Test]
    public void A_warm_start_bids_the_multiplier_at_which_yesterdays_market_sells_todays_budget_with_its_margin()
    {
        // Yesterday bid at multiplier 1 all day: 100 opportunities of value 1 an interval, won at prices 0.01 to 1.00.
        var settings = new PacingSettings();
        var yesterday = new PacingController(settings, budget: 10_000);
        for (var t = 0; t < PacingController.IntervalsPerDay; t++)
        {
            var spend = 0.0;
            for (var o = 1; o <= 100; o++)
            {
                yesterday.RecordOpportunity(1);
                yesterday.RecordWin(1, o / 100.0);
                spend += o / 100.0;
            }

            yesterday.CloseInterval(t, spend, 100, spend * (t + 1), 100.0 * (t + 1));
        }

        // Today's budget is what the market sold at prices up to 0.5 (multiplier 0.5): 12.75 an interval.
        var budget = 12.75 * PacingController.IntervalsPerDay;
        var today = new PacingController(settings, budget, yesterday.Today);

        Assert.That(today.ForecastsCapacity, Is.True);
        Assert.That(today.ForecastDaySpend(0.5), Is.EqualTo(budget).Within(3).Percent, "spend below the multiplier bid is known exactly");
        // Yesterday was the cold start, so today plans on its record alone: the first warm day's extra margin applies.
        Assert.That(today.ForecastDaySpend(today.Multiplier),
            Is.EqualTo(budget * (1 + settings.SpendAheadShare + settings.EarlySpendAheadShare + settings.FirstWarmDayAheadShare)).Within(1).Percent);
        Assert.That(today.Multiplier, Is.GreaterThan(0.5).And.LessThan(1));
    }
}
