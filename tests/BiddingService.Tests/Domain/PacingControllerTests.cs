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
}
