using System.Globalization;
using Commerce.Onboarding.Domain.Library;

namespace Commerce.Onboarding.Domain.Live;

/// <summary>
/// Ranks candidates for a live by category fit, commission, sales and rating (each normalised over the candidates) and
/// orders them for the flow of a live: a cheap, popular traffic driver first to pull viewers in, then the hero (the
/// strongest product, shown while the room is fullest), then the rest by score.
/// </summary>
public static class LineupSuggester
{
    public const double FitWeight = 0.4, CommissionWeight = 0.2, SalesWeight = 0.25, RatingWeight = 0.15;

    /// <summary>About one product per 10 minutes of live, 3 to 20.</summary>
    public static int FitCount(int durationMinutes) => Math.Clamp(durationMinutes / 10, 3, 20);

    public static IReadOnlyList<LineupPick> Suggest(IReadOnlyList<LiveProduct> candidates, IReadOnlyList<string> liveCategory, int durationMinutes, int maxProducts)
    {
        if (candidates.Count == 0) return [];
        var scored = Score(candidates, liveCategory);
        var count = Math.Min(maxProducts > 0 ? maxProducts : FitCount(durationMinutes), scored.Count);
        var chosen = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Product.Id, StringComparer.Ordinal).Take(count).ToList();

        var minPrice = chosen.Min(c => c.Product.Price);
        var maxPrice = chosen.Max(c => c.Product.Price);
        var driver = chosen
            .OrderByDescending(c => 0.5 * c.Parts.Sales + 0.5 * (1 - Normalise((double)c.Product.Price, (double)minPrice, (double)maxPrice)))
            .ThenBy(c => c.Product.Id, StringComparer.Ordinal).First();
        var rest = chosen.Where(c => !ReferenceEquals(c, driver)).ToList();
        var ordered = new List<LineupPick>
        {
            driver with { Role = LineupRoleKind.TrafficDriver, Reason = DriverReason(driver.Product) },
        };
        if (rest.Count > 0)
        {
            var hero = rest[0];
            ordered.Add(hero with { Role = LineupRoleKind.Hero, Reason = HeroReason(hero) });
            ordered.AddRange(rest.Skip(1).Select(r => r with { Role = LineupRoleKind.Regular, Reason = RegularReason(r) }));
        }

        return Timeline.AssignSlots(ordered, durationMinutes);
    }

    /// <summary>Scores products in the order given (a merchant's own lineup), assigning roles where unspecified.</summary>
    public static IReadOnlyList<LineupPick> Arrange(IReadOnlyList<(LiveProduct Product, LineupRoleKind? Role)> lineup, IReadOnlyList<string> liveCategory, int durationMinutes)
    {
        var scored = Score(lineup.Select(l => l.Product).ToList(), liveCategory);
        var hasDriver = lineup.Any(l => l.Role == LineupRoleKind.TrafficDriver);
        var hasHero = lineup.Any(l => l.Role == LineupRoleKind.Hero);
        var picks = new List<LineupPick>();
        for (var i = 0; i < lineup.Count; i++)
        {
            var role = lineup[i].Role ?? (i == 0 && !hasDriver ? LineupRoleKind.TrafficDriver
                : i == 1 && !hasHero ? LineupRoleKind.Hero : LineupRoleKind.Regular);
            var pick = scored[i] with { Role = role };
            picks.Add(pick with
            {
                Reason = role switch
                {
                    LineupRoleKind.TrafficDriver => DriverReason(pick.Product),
                    LineupRoleKind.Hero => HeroReason(pick),
                    _ => RegularReason(pick),
                },
            });
        }

        return Timeline.AssignSlots(picks, durationMinutes);
    }

    private static List<LineupPick> Score(IReadOnlyList<LiveProduct> candidates, IReadOnlyList<string> liveCategory)
    {
        double MinOf(Func<LiveProduct, double> f) => candidates.Min(f);
        double MaxOf(Func<LiveProduct, double> f) => candidates.Max(f);
        static double LogSales(LiveProduct p) => Math.Log(1 + p.SalesCount);
        var (cMin, cMax) = (MinOf(p => p.CommissionRate), MaxOf(p => p.CommissionRate));
        var (sMin, sMax) = (MinOf(LogSales), MaxOf(LogSales));
        var (rMin, rMax) = (MinOf(p => p.Rating), MaxOf(p => p.Rating));
        return candidates.Select(p =>
        {
            var parts = new LineupScoreParts(
                CategoryTree.Fit(liveCategory, p.Category),
                Normalise(p.CommissionRate, cMin, cMax),
                Normalise(LogSales(p), sMin, sMax),
                Normalise(p.Rating, rMin, rMax));
            var score = FitWeight * parts.CategoryFit + CommissionWeight * parts.Commission + SalesWeight * parts.Sales + RatingWeight * parts.Rating;
            return new LineupPick(p, LineupRoleKind.Regular, Math.Round(score, 4), parts, "");
        }).ToList();
    }

    private static double Normalise(double value, double min, double max) => max - min < 1e-12 ? 1.0 : (value - min) / (max - min);

    private static string DriverReason(LiveProduct p) =>
        string.Create(CultureInfo.InvariantCulture, $"traffic driver: low price ({p.Price:0.##} CNY) and {p.SalesCount} sold in 30 days bring viewers in at the start");

    private static string HeroReason(LineupPick p) =>
        string.Create(CultureInfo.InvariantCulture, $"hero: highest score ({p.Score:0.00}) of the lineup, shown while the room is fullest");

    private static string RegularReason(LineupPick p) =>
        string.Create(CultureInfo.InvariantCulture, $"score {p.Score:0.00}: category fit {p.Parts.CategoryFit:0.0}, commission {p.Product.CommissionRate:P0}, rating {p.Product.Rating:0.0}");
}
