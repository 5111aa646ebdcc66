using Commerce.Reco.Domain;

namespace Commerce.Reco.Tests.Evaluation;

public sealed record EvalRequest(string UserId, Scenario Scenario, HashSet<string> Targets, HashSet<string> Seen, bool CrossScenario);

public sealed record Metrics(string System, double RecallAt20, double NdcgAt20, double Coverage, double CrossScenarioHitRate, int Requests);

/// <summary>
/// Temporal split evaluation: everything before the cut is history; each (buyer, scenario) with engagement after it is
/// one request of 20 items, judged against the items engaged with after the cut that the buyer had not touched before.
/// A request is cross-scenario when a target's category is a planted complement of a category the buyer engaged with in
/// another scenario, and the buyer never engaged with the target's category in this scenario.
/// </summary>
public static class OfflineEvaluation
{
    public const int K = 20;

    public static List<EvalRequest> Requests(SyntheticWorld.World world, DateTimeOffset cut)
    {
        var category = world.Items.ToDictionary(i => i.Id, i => i.CategoryKey);
        var complements = SyntheticWorld.ComplementaryPairs.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) }).ToHashSet();
        var positive = world.Log.Where(x => InteractionActions.Weight(x.Action, x.WatchSeconds) > 0).ToList();
        var history = positive.Where(x => x.At < cut).GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.ToList());
        var requests = new List<EvalRequest>();
        foreach (var g in positive.Where(x => x.At >= cut).GroupBy(x => (x.UserId, x.Scenario)).OrderBy(g => g.Key.UserId, StringComparer.Ordinal).ThenBy(g => g.Key.Scenario))
        {
            if (!history.TryGetValue(g.Key.UserId, out var past)) continue;
            var seen = past.Select(x => x.ItemId).ToHashSet(StringComparer.Ordinal);
            var targets = g.Select(x => x.ItemId).Where(i => !seen.Contains(i)).ToHashSet(StringComparer.Ordinal);
            if (targets.Count == 0) continue;
            var here = past.Where(x => x.Scenario == g.Key.Scenario).Select(x => category[x.ItemId]).ToHashSet();
            var elsewhere = past.Where(x => x.Scenario != g.Key.Scenario).Select(x => category[x.ItemId]).ToHashSet();
            var cross = targets.Any(t => !here.Contains(category[t]) && elsewhere.Any(c => complements.Contains((c, category[t]))));
            requests.Add(new EvalRequest(g.Key.UserId, g.Key.Scenario, targets, seen, cross));
        }

        return requests;
    }

    public static Metrics Score(string system, IReadOnlyList<EvalRequest> requests, Func<EvalRequest, IReadOnlyList<string>> recommend, int catalogSize)
    {
        double recall = 0, ndcg = 0;
        int crossHits = 0, crossCount = 0;
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in requests)
        {
            var list = recommend(r).Take(K).ToList();
            covered.UnionWith(list);
            var hits = list.Count(r.Targets.Contains);
            recall += hits / (double)Math.Min(r.Targets.Count, K);
            double dcg = 0, ideal = 0;
            for (var k = 0; k < list.Count; k++) if (r.Targets.Contains(list[k])) dcg += 1 / Math.Log2(k + 2);
            for (var k = 0; k < Math.Min(r.Targets.Count, K); k++) ideal += 1 / Math.Log2(k + 2);
            ndcg += dcg / ideal;
            if (r.CrossScenario) { crossCount++; if (hits > 0) crossHits++; }
        }

        return new Metrics(system, recall / requests.Count, ndcg / requests.Count, covered.Count / (double)catalogSize,
            crossCount == 0 ? 0 : crossHits / (double)crossCount, requests.Count);
    }

    /// <summary>Most engaged-with items before the cut that fit the scenario.</summary>
    public static Func<EvalRequest, IReadOnlyList<string>> Popularity(SyntheticWorld.World world, DateTimeOffset cut)
    {
        var kinds = world.Items.ToDictionary(i => i.Id, i => i.Kind);
        var stock = world.Items.ToDictionary(i => i.Id, i => i.InStock);
        var ranked = world.Log.Where(x => x.At < cut).GroupBy(x => x.ItemId)
            .Select(g => (g.Key, g.Sum(x => InteractionActions.Weight(x.Action, x.WatchSeconds)))).Where(p => p.Item2 > 0)
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        return r => ranked.Where(i => stock[i] && RecoEngine.KindFits(kinds[i], r.Scenario) && !r.Seen.Contains(i)).Take(K).ToList();
    }

    /// <summary>Item-based CF (Sarwar et al. 2001): cosine between items' buyer sets, scored by the buyer's history.</summary>
    public static Func<EvalRequest, IReadOnlyList<string>> ItemCf(SyntheticWorld.World world, DateTimeOffset cut)
    {
        var kinds = world.Items.ToDictionary(i => i.Id, i => i.Kind);
        var stock = world.Items.ToDictionary(i => i.Id, i => i.InStock);
        var history = world.Log.Where(x => x.At < cut && InteractionActions.Weight(x.Action, x.WatchSeconds) > 0)
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.ItemId).Distinct().ToList());
        var itemUsers = history.SelectMany(h => h.Value.Select(i => (i, h.Key))).GroupBy(p => p.i).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToHashSet());
        var co = new Dictionary<string, Dictionary<string, double>>();
        foreach (var items in history.Values)
        foreach (var a in items)
        foreach (var b in items)
        {
            if (a == b) continue;
            if (!co.TryGetValue(a, out var row)) co[a] = row = [];
            row[b] = row.GetValueOrDefault(b) + 1;
        }

        var fallback = Popularity(world, cut);
        return r =>
        {
            var scores = new Dictionary<string, double>();
            foreach (var a in history.GetValueOrDefault(r.UserId) ?? [])
            {
                if (!co.TryGetValue(a, out var row)) continue;
                foreach (var (b, c) in row) scores[b] = scores.GetValueOrDefault(b) + c / Math.Sqrt(itemUsers[a].Count * itemUsers[b].Count);
            }

            var list = scores.Where(p => stock[p.Key] && RecoEngine.KindFits(kinds[p.Key], r.Scenario) && !r.Seen.Contains(p.Key))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).Take(K).ToList();
            // Too little overlap: filled from popularity, as item-CF deployments do.
            return list.Concat(fallback(r).Where(i => !list.Contains(i))).Take(K).ToList();
        };
    }
}
