namespace Commerce.Onboarding.Domain.Live;

/// <summary>
/// Splits a live's duration into opening, one slot per product and closing. The hero gets half as much time again as
/// the others. Slots are whole seconds and sum exactly to the chosen duration.
/// </summary>
public static class Timeline
{
    public const double HeroWeight = 1.5;

    public static TimeSpan Opening(int durationMinutes) => TimeSpan.FromSeconds(Math.Clamp((int)(durationMinutes * 60 * 0.03), 60, 300));

    public static TimeSpan Closing(int durationMinutes) => TimeSpan.FromSeconds(Math.Clamp((int)(durationMinutes * 60 * 0.02), 60, 180));

    public static IReadOnlyList<LineupPick> AssignSlots(IReadOnlyList<LineupPick> picks, int durationMinutes)
    {
        if (picks.Count == 0) return picks;
        var productSeconds = durationMinutes * 60 - (int)Opening(durationMinutes).TotalSeconds - (int)Closing(durationMinutes).TotalSeconds;
        var weights = picks.Select(p => p.Role == LineupRoleKind.Hero ? HeroWeight : 1.0).ToArray();
        var total = weights.Sum();
        var result = new List<LineupPick>();
        var used = 0;
        for (var i = 0; i < picks.Count; i++)
        {
            var seconds = i == picks.Count - 1 ? productSeconds - used : (int)Math.Floor(productSeconds * weights[i] / total);
            used += seconds;
            result.Add(picks[i] with { Slot = TimeSpan.FromSeconds(seconds) });
        }

        return result;
    }
}
