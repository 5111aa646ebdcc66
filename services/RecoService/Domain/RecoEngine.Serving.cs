namespace Commerce.Reco.Domain;

// Serving: multi-channel recall -> features -> learned ranker -> MMR diversity and business filters.
public sealed partial class RecoEngine
{
    private const int MaxCandidates = 300;
    private const double MmrLambda = 0.9;

    private sealed class Candidate(int item)
    {
        public int Item { get; } = item;
        public float[] Channels { get; } = new float[7];
        public List<Reason> Reasons { get; } = [];

        public void Add(Reason reason)
        {
            var c = (int)reason.Channel;
            // Item-to-item evidence adds up over the buyer's items, as in item-based CF; other channels keep their best.
            if (reason.Channel == RecallChannel.ItemToItem) Channels[c] += (float)reason.Score;
            else if (reason.Score > Channels[c]) Channels[c] = (float)reason.Score;
            var existing = Reasons.FindIndex(r => r.Channel == reason.Channel);
            if (existing < 0) Reasons.Add(reason);
            else if (Reasons[existing].Score < reason.Score) Reasons[existing] = reason;
        }
    }

    public static bool KindFits(ItemKind kind, Scenario scenario) => scenario switch
    {
        Scenario.Mall => kind == ItemKind.Product,
        Scenario.ShortVideo => kind is ItemKind.Clip or ItemKind.Product,
        _ => kind is ItemKind.LiveRoom or ItemKind.Product,
    };

    private static bool PrimaryKind(ItemKind kind, Scenario scenario) => scenario switch
    {
        Scenario.Mall => kind == ItemKind.Product,
        Scenario.ShortVideo => kind == ItemKind.Clip,
        _ => kind == ItemKind.LiveRoom,
    };

    public RecommendationResult Recommend(RecommendationRequest request)
    {
        _gate.EnterReadLock();
        try { return RecommendLocked(request); }
        finally { _gate.ExitReadLock(); }
    }

    private RecommendationResult RecommendLocked(RecommendationRequest r)
    {
        var snap = _snapshot;
        var now = r.Now;
        _profiles.TryGetValue(r.UserId, out var profile);
        var cold = profile is null || !profile.HasHistory;
        var candidates = new Dictionary<int, Candidate>();
        int? contextIndex = r.ContextItemId is not null && _index.TryGetValue(r.ContextItemId, out var ci) ? ci : null;
        int? roomIndex = r.LiveRoomId is not null && _index.TryGetValue(r.LiveRoomId, out var ri) ? ri : null;

        bool Eligible(int i)
        {
            var item = _items[i];
            if (!item.InStock || !KindFits(item.Kind, r.Scenario)) return false;
            if (i == contextIndex || i == roomIndex) return false;
            if (r.Exclude is not null && r.Exclude.Contains(item.Id)) return false;
            return profile is null || item.Repeatable || !profile.Bought.Contains(item.Id);
        }

        void Offer(int i, Reason reason)
        {
            if (!Eligible(i)) return;
            if (!candidates.TryGetValue(i, out var c))
            {
                if (candidates.Count >= MaxCandidates) return;
                candidates[i] = c = new Candidate(i);
            }

            c.Add(reason);
        }

        // Context: the item on screen or the room being watched.
        foreach (var ctx in new[] { contextIndex, roomIndex })
        {
            if (ctx is not { } c) continue;
            var item = _items[c];
            if (item.ProductId is { } pid && _index.TryGetValue(pid, out var pi)) Offer(pi, new Reason(RecallChannel.Context, 1.0, SourceItemId: item.Id));
            foreach (var pidx in item.LineupProductIds.Select(id => _index.GetValueOrDefault(id, -1)).Where(x => x >= 0))
                Offer(pidx, new Reason(RecallChannel.Context, 1.0, SourceItemId: item.Id));
            if (c < snap.Swing.Length && snap.Swing[c].Count > 0)
            {
                var max = snap.Swing[c][0].Score;
                foreach (var (j, s) in snap.Swing[c].Take(20)) Offer(j, new Reason(RecallChannel.Context, 0.9 * s / max, SourceItemId: item.Id));
            }

            if (snap.CategoryItems.TryGetValue(item.CategoryKey, out var same))
                foreach (var j in same.Take(15)) Offer(j, new Reason(RecallChannel.Context, 0.5, SourceItemId: item.Id));
            foreach (var edge in snap.Graph.Related(item.CategoryKey, CategoryRelation.Complementary).Take(3))
            {
                if (!snap.CategoryItems.TryGetValue(edge.Category, out var comp)) continue;
                foreach (var j in comp.Take(8))
                    Offer(j, new Reason(RecallChannel.Context, 0.6 * edge.Strength, RelatedCategory: edge.Category, Relation: edge.Relation, SourceItemId: item.Id));
            }
        }

        float[]? userVector = null;
        var complement = new Dictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, double> catMerged = [], catScenario = [];
        Dictionary<string, double> tagWeights = [];
        if (!cold)
        {
            var p = profile!;
            catMerged = p.CategoryAffinities(null, now).Take(30).ToDictionary(c => c.Category, c => c.Affinity, StringComparer.Ordinal);
            catScenario = p.CategoryAffinities(r.Scenario, now).Take(30).ToDictionary(c => c.Category, c => c.Affinity, StringComparer.Ordinal);
            var topTags = p.TopTags(null, now, 30);
            var maxTag = topTags.Count == 0 ? 1 : topTags[0].Weight;
            tagWeights = topTags.ToDictionary(t => t.Tag, t => t.Weight / maxTag, StringComparer.Ordinal);

            // Item-to-item (Swing) from the recent items, more recent and stronger ones first.
            var recent = p.Recent.AsEnumerable().Reverse().Take(20)
                .Select(x => (x, w: x.Weight * Math.Pow(0.5, (now - x.At).TotalDays / UserProfile.HalfLife.TotalDays))).ToList();
            var maxRecent = recent.Count == 0 ? 1 : recent.Max(x => x.w);
            foreach (var (x, w) in recent)
            {
                var i = _index[x.ItemId];
                if (i >= snap.Swing.Length || snap.Swing[i].Count == 0) continue;
                var max = snap.Swing[i][0].Score;
                foreach (var (j, s) in snap.Swing[i].Take(30))
                    Offer(j, new Reason(RecallChannel.ItemToItem, w / maxRecent * s / max, SourceItemId: x.ItemId, SourceScenario: x.Scenario));
            }

            // Embedding: the decayed mean of the recent items' content vectors.
            userVector = new float[_embedder.Dimensions];
            foreach (var x in p.Recent.AsEnumerable().Reverse().Take(20))
                VectorMath.AddScaled(userVector, _vectors[_index[x.ItemId]], (float)(x.Weight * Math.Pow(0.5, (now - x.At).TotalDays / UserProfile.HalfLife.TotalDays)));
            VectorMath.Normalize(userVector);
            var nearest = snap.Ann.Search(userVector, 100);
            var newer = new TopK(30);
            for (var i = snap.ItemCount; i < _items.Count && i < snap.ItemCount + 5000; i++) newer.Offer(i, VectorMath.Dot(userVector, _vectors[i]));
            foreach (var (i, s) in nearest.Concat(newer.Result()))
            {
                if (i < _items.Count) Offer(i, new Reason(RecallChannel.Embedding, Math.Max(0, s)));
            }

            // Interest tags, shared across scenarios.
            foreach (var (tag, _, weight) in topTags.Take(5))
            {
                if (!snap.TagItems.TryGetValue(tag, out var tagged)) continue;
                foreach (var j in tagged.Take(40))
                    Offer(j, new Reason(RecallChannel.InterestTag, weight / maxTag * (0.5 + 0.5 * Pop(snap, j)), Tag: tag));
            }

            // Related-category expansion: what completes what the buyer engaged with, in whichever scenario.
            foreach (var (cat, affinity) in catMerged.Take(5))
            {
                var source = p.Recent.LastOrDefault(x => _items[_index[x.ItemId]].CategoryKey == cat);
                foreach (var edge in snap.Graph.Related(cat, CategoryRelation.Complementary).Take(4))
                {
                    var value = affinity * edge.Strength;
                    if (value > complement.GetValueOrDefault(edge.Category)) complement[edge.Category] = value;
                    if (!snap.CategoryItems.TryGetValue(edge.Category, out var items)) continue;
                    foreach (var j in items.Take(30))
                    {
                        var tagMatch = _tags[j].Sum(t => tagWeights.GetValueOrDefault(t.Text));
                        Offer(j, new Reason(RecallChannel.RelatedCategory, value * (0.6 + 0.4 * Math.Min(1, tagMatch)), RelatedCategory: edge.Category,
                            Relation: edge.Relation, SourceItemId: source?.ItemId, SourceScenario: source?.Scenario));
                    }
                }
            }
        }

        // Fresh listings (how a product listed a minute ago reaches a feed before anyone has touched it).
        var fresh = new List<int>();
        for (var i = _items.Count - 1; i >= 0 && i >= _items.Count - 3000; i--)
        {
            var age = now - _items[i].ListedAt;
            if (age > FreshWindow || age < -TimeSpan.FromMinutes(5) || !Eligible(i)) continue;
            fresh.Add(i);
            Offer(i, new Reason(RecallChannel.Fresh, Math.Clamp(1 - age / FreshWindow, 0, 1) * (PrimaryKind(_items[i].Kind, r.Scenario) ? 1 : 0.6)));
            if (fresh.Count >= 60) break;
        }

        // Trending in the scenario, then overall.
        foreach (var j in snap.Trending[(int)r.Scenario].Take(80).Concat(snap.Trending[Scenarios.Count].Take(80)))
            Offer(j, new Reason(RecallChannel.Trending, Pop(snap, j)));
        if (candidates.Count < r.Count)
        {
            // A catalog nobody has touched yet: any eligible items, newest first, so the answer is never empty.
            for (var i = _items.Count - 1; i >= 0 && candidates.Count < r.Count * 2; i--) Offer(i, new Reason(RecallChannel.Trending, 0));
        }

        var priceLevel = profile?.PriceLevel;
        var scored = new List<(Candidate C, float[] F, float Score)>(candidates.Count);
        foreach (var c in candidates.Values)
        {
            var item = _items[c.Item];
            var f = new float[RankingFeatures.Count];
            c.Channels.CopyTo(f, 0);
            f[RankingFeatures.UserCategoryAffinity] = (float)catMerged.GetValueOrDefault(item.CategoryKey);
            f[RankingFeatures.UserCategoryAffinityScenario] = (float)catScenario.GetValueOrDefault(item.CategoryKey);
            f[RankingFeatures.TagOverlap] = (float)Math.Min(3, _tags[c.Item].Sum(t => tagWeights.GetValueOrDefault(t.Text)));
            f[RankingFeatures.PriceLevelGap] = priceLevel is { } pl && item.Price > 0 ? (float)Math.Abs(Math.Log((double)item.Price + 1) - pl) : 0;
            f[RankingFeatures.Popularity] = Pop(snap, c.Item);
            f[RankingFeatures.AgeDays] = (float)Math.Clamp((now - item.ListedAt).TotalDays, 0, 30);
            f[RankingFeatures.KindFitsScenario] = PrimaryKind(item.Kind, r.Scenario) ? 1 : 0;
            f[RankingFeatures.EmbeddingSimilarity] = userVector is null ? 0 : VectorMath.Dot(userVector, _vectors[c.Item]);
            f[RankingFeatures.ChannelCount] = c.Channels.Count(x => x > 0);
            f[RankingFeatures.ComplementAffinity] = (float)complement.GetValueOrDefault(item.CategoryKey);
            scored.Add((c, f, Ranker.Score(f)));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score) is var x && x != 0 ? x : a.C.Item.CompareTo(b.C.Item));
        var rankerRank = new Dictionary<int, int>();
        for (var k = 0; k < scored.Count; k++) rankerRank[scored[k].C.Item] = k + 1;

        var chosen = Diversify(scored, r.Count);
        var freshQuota = cold ? Math.Max(1, r.Count / 4) : r.Count >= 10 ? 1 : 0;
        var freshSet = fresh.ToHashSet();
        var freshChosen = chosen.Count(x => freshSet.Contains(x.C.Item));
        foreach (var f in scored.Where(x => freshSet.Contains(x.C.Item) && !chosen.Contains(x)).ToList())
        {
            if (freshChosen >= freshQuota || chosen.Count == 0) break;
            // The exploration slot goes to the fresh item in place of the weakest non-fresh pick.
            var weakest = chosen.FindLastIndex(x => !freshSet.Contains(x.C.Item));
            if (weakest < 0) break;
            if (chosen.Count >= r.Count) chosen.RemoveAt(weakest);
            chosen.Add(f);
            freshChosen++;
        }

        var result = chosen.Select((x, k) => new RankedItem(_items[x.C.Item], x.Score, rankerRank[x.C.Item], k + 1,
            x.C.Reasons.OrderByDescending(re => re.Score).ToList(), x.F, [])).ToList();
        return new RecommendationResult(result, cold);
    }

    private static float Pop(ServingSnapshot snap, int i) => i < snap.Popularity.Length ? snap.Popularity[i] : 0;

    /// <summary>
    /// Maximal marginal relevance (Carbonell and Goldstein 1998) over the content vectors: each pick trades its score
    /// against its similarity to what is already picked, so a feed is not twenty near-identical dresses.
    /// </summary>
    private List<(Candidate C, float[] F, float Score)> Diversify(List<(Candidate C, float[] F, float Score)> scored, int count)
    {
        var pool = scored.Take(Math.Max(count * 3, count)).ToList();
        if (pool.Count == 0) return [];
        var max = pool.Max(p => p.Score);
        var min = pool.Min(p => p.Score);
        var span = Math.Max(1e-6f, max - min);
        var chosen = new List<(Candidate C, float[] F, float Score)>();
        var maxSim = new float[pool.Count];
        var used = new bool[pool.Count];
        while (chosen.Count < count && chosen.Count < pool.Count)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var k = 0; k < pool.Count; k++)
            {
                if (used[k]) continue;
                var value = MmrLambda * (pool[k].Score - min) / span - (1 - MmrLambda) * maxSim[k];
                if (value > bestValue) { bestValue = value; best = k; }
            }

            used[best] = true;
            chosen.Add(pool[best]);
            var v = _vectors[pool[best].C.Item];
            for (var k = 0; k < pool.Count; k++)
            {
                if (!used[k]) maxSim[k] = Math.Max(maxSim[k], VectorMath.Dot(v, _vectors[pool[k].C.Item]));
            }
        }

        return chosen;
    }

    /// <summary>Each feature's part in a score: the score minus the score with that feature at zero.</summary>
    public IReadOnlyList<(string Feature, double Value, double Contribution)> Contributions(float[] features)
    {
        var full = Ranker.Score(features);
        var list = new List<(string, double, double)>();
        for (var k = 0; k < features.Length; k++)
        {
            var copy = (float[])features.Clone();
            copy[k] = 0;
            list.Add((RankingFeatures.Names[k], features[k], full - Ranker.Score(copy)));
        }

        return list.OrderByDescending(x => Math.Abs(x.Item3)).ToList();
    }

    /// <summary>
    /// Ranker training rows: for each (buyer, scenario) with engagement after <paramref name="now"/>, the candidates
    /// this state recalls at <paramref name="now"/>, labelled by whether the buyer engaged with them later.
    /// </summary>
    public List<(float[] Features, bool Label)> TrainingRows(IEnumerable<Interaction> future, DateTimeOffset now, int maxRequests = 300)
    {
        var rows = new List<(float[], bool)>();
        var groups = future.Where(x => InteractionActions.Weight(x.Action, x.WatchSeconds) > 0)
            .GroupBy(x => (x.UserId, x.Scenario)).OrderBy(g => g.Key.UserId, StringComparer.Ordinal).ThenBy(g => g.Key.Scenario).Take(maxRequests);
        foreach (var g in groups)
        {
            var positives = g.Select(x => x.ItemId).ToHashSet(StringComparer.Ordinal);
            var answer = Recommend(new RecommendationRequest(g.Key.UserId, g.Key.Scenario, 100, now));
            foreach (var item in answer.Items) rows.Add((item.Features, positives.Contains(item.Item.Id)));
        }

        return rows;
    }
}
