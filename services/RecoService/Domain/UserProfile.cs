namespace Commerce.Reco.Domain;

/// <summary>
/// What one buyer has shown: tag and category weights decayed over time, per scenario and merged (the merged slice is
/// what carries an interest from a live room into the mall), recent items, purchases and price level.
/// </summary>
public sealed class UserProfile(string userId)
{
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(14);
    private const int MaxRecent = 50;

    public string UserId { get; } = userId;
    public Dictionary<string, TagStat> Tags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ScenarioWeights> Categories { get; } = new(StringComparer.Ordinal);
    /// <summary>Most recent last; at most 50.</summary>
    public List<RecentItem> Recent { get; } = [];
    public HashSet<string> Bought { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset? UpdatedAt { get; private set; }
    private double _logPriceSum, _priceWeight;

    public bool HasHistory => Recent.Count > 0;

    /// <summary>Mean log price of what the buyer engaged with, weighted by intent; null before any product.</summary>
    public double? PriceLevel => _priceWeight > 0 ? _logPriceSum / _priceWeight : null;

    public void Apply(Interaction interaction, CatalogItem item, IReadOnlyList<ItemTag> tags)
    {
        var w = InteractionActions.Weight(interaction.Action, interaction.WatchSeconds);
        if (w <= 0) return;
        var s = (int)interaction.Scenario;
        foreach (var tag in tags)
        {
            if (!Tags.TryGetValue(tag.Text, out var stat)) Tags[tag.Text] = stat = new TagStat(tag.Facet);
            stat.Weights.Add(s, w, interaction.At);
            if (stat.LastSeen < interaction.At) stat.LastSeen = interaction.At;
        }

        if (!Categories.TryGetValue(item.CategoryKey, out var cat)) Categories[item.CategoryKey] = cat = new ScenarioWeights();
        cat.Add(s, w, interaction.At);

        if (item.Kind == ItemKind.Product && item.Price > 0)
        {
            _logPriceSum += w * Math.Log((double)item.Price + 1);
            _priceWeight += w;
        }

        if (interaction.Action == InteractionAction.Purchase) Bought.Add(item.Id);
        var existing = Recent.FindIndex(r => r.ItemId == item.Id);
        if (existing >= 0)
        {
            var old = Recent[existing];
            Recent.RemoveAt(existing);
            Recent.Add(old with { Weight = old.Weight + w, At = Max(old.At, interaction.At), Scenario = interaction.Scenario });
        }
        else
        {
            Recent.Add(new RecentItem(item.Id, interaction.Scenario, w, interaction.At));
            if (Recent.Count > MaxRecent) Recent.RemoveAt(0);
        }

        UpdatedAt = UpdatedAt is { } u && u > interaction.At ? u : interaction.At;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Category affinities in a scenario (or merged when null), normalised so the strongest is 1.</summary>
    public List<(string Category, double Affinity)> CategoryAffinities(Scenario? scenario, DateTimeOffset now)
    {
        var list = Categories.Select(c => (c.Key, c.Value.ValueAt(scenario, now))).Where(c => c.Item2 > 1e-9).ToList();
        var max = list.Count == 0 ? 1 : list.Max(c => c.Item2);
        return list.Select(c => (c.Key, c.Item2 / max)).OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    public List<(string Tag, TagStat Stat, double Weight)> TopTags(Scenario? scenario, DateTimeOffset now, int count) =>
        Tags.Select(t => (t.Key, t.Value, t.Value.Weights.ValueAt(scenario, now)))
            .Where(t => t.Item3 > 1e-9)
            .OrderByDescending(t => t.Item3).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(count).ToList();
}

public sealed record RecentItem(string ItemId, Scenario Scenario, double Weight, DateTimeOffset At);

public sealed class TagStat(TagFacet facet)
{
    public TagFacet Facet { get; } = facet;
    public ScenarioWeights Weights { get; } = new();
    public DateTimeOffset LastSeen { get; set; }
}

/// <summary>A decaying weight per scenario plus the merged one (shared across scenarios).</summary>
public sealed class ScenarioWeights
{
    private DecayingWeight _merged;
    private readonly DecayingWeight[] _per = new DecayingWeight[Scenarios.Count];

    public void Add(int scenario, double w, DateTimeOffset at)
    {
        _merged.Add(w, at, UserProfile.HalfLife);
        _per[scenario].Add(w, at, UserProfile.HalfLife);
    }

    public double ValueAt(Scenario? scenario, DateTimeOffset now) =>
        scenario is { } s ? _per[(int)s].ValueAt(now, UserProfile.HalfLife) : _merged.ValueAt(now, UserProfile.HalfLife);
}
