namespace Commerce.Reco.Domain;

// Serving: multi-channel recall -> features -> learned ranker -> MMR diversity and business filters.
public sealed partial class RecoEngine
{
    private const int MaxCandidates = 500, CategoryStyleRecall = 15;
    private const double MmrLambda = 0.9;
    private static readonly TimeSpan ComplementHalfLife = TimeSpan.FromDays(7);

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

    private sealed record CandidatePool(List<(Candidate C, float[] F)> Rows, HashSet<int> Fresh, bool Cold);

    private RecommendationResult RecommendLocked(RecommendationRequest r)
    {
        var pool = CandidatesLocked(r);
        var scored = pool.Rows.Select(x => (x.C, x.F, Score: Ranker.Score(x.F))).ToList();
        scored.Sort((a, b) => b.Score.CompareTo(a.Score) is var x && x != 0 ? x : a.C.Item.CompareTo(b.C.Item));
        var rankerRank = new Dictionary<int, int>();
        for (var k = 0; k < scored.Count; k++) rankerRank[scored[k].C.Item] = k + 1;

        var chosen = Diversify(scored, r.Count);
        var freshQuota = pool.Cold ? Math.Max(1, r.Count / 4) : r.Count >= 10 ? 1 : 0;
        var freshSet = pool.Fresh;
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
        return new RecommendationResult(result, pool.Cold);
    }

    /// <summary>Multi-channel recall and the ranking features of every candidate (the ranker's input).</summary>
    private CandidatePool CandidatesLocked(RecommendationRequest r)
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
        var recentComplement = new Dictionary<string, (double Value, RecentItem Source)>(StringComparer.Ordinal);
        Dictionary<string, double> catMerged = [], catScenario = [];
        Dictionary<string, double> tagWeights = [];
        var facetWeights = new Dictionary<string, double>[3] { [], [], [] };
        var categoryCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var categoryLast = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var recentCount = 0;
        if (!cold)
        {
            var p = profile!;
            catMerged = p.CategoryAffinities(null, now).Take(30).ToDictionary(c => c.Category, c => c.Affinity, StringComparer.Ordinal);
            catScenario = p.CategoryAffinities(r.Scenario, now).Take(30).ToDictionary(c => c.Category, c => c.Affinity, StringComparer.Ordinal);
            var topTags = p.TopTags(null, now, 30);
            var maxTag = topTags.Count == 0 ? 1 : topTags[0].Weight;
            tagWeights = topTags.ToDictionary(t => t.Tag, t => t.Weight / maxTag, StringComparer.Ordinal);
            // Per facet, normalised by the facet's strongest tag: "how much this buyer likes this style" does not depend
            // on how many materials they also clicked.
            foreach (var (tag, stat) in p.Tags)
            {
                var f = FacetSlot(stat.Facet);
                if (f >= 0) facetWeights[f][tag] = stat.Weights.ValueAt(null, now);
            }

            for (var f = 0; f < facetWeights.Length; f++)
            {
                var max = facetWeights[f].Count == 0 ? 1 : Math.Max(1e-9, facetWeights[f].Values.Max());
                foreach (var key in facetWeights[f].Keys.ToList()) facetWeights[f][key] /= max;
            }

            foreach (var x in p.Recent)
            {
                var cat = _items[_index[x.ItemId]].CategoryKey;
                categoryCount[cat] = categoryCount.GetValueOrDefault(cat) + 1;
                if (!categoryLast.TryGetValue(cat, out var last) || last < x.At) categoryLast[cat] = x.At;
                recentCount++;
                // A purchase (or cart) asks for what completes it in the next days, in whichever scenario comes next.
                if (x.Weight < 3 && !p.Bought.Contains(x.ItemId)) continue;
                var decay = Math.Pow(0.5, (now - x.At).TotalDays / ComplementHalfLife.TotalDays);
                foreach (var edge in snap.Graph.Related(cat, CategoryRelation.Complementary).Take(4))
                {
                    var value = edge.Strength * decay * (p.Bought.Contains(x.ItemId) ? 1 : 0.6);
                    if (value > recentComplement.GetValueOrDefault(edge.Category).Value) recentComplement[edge.Category] = (value, x);
                }
            }

            // Interest categories in the buyer's styles: the buyer's own categories (merged and in this scenario) and
            // the complements of what they just bought, each walked in popularity order keeping the items whose style
            // the buyer likes. This is where a live-room dress turns into belts in the mall feed.
            var targets = new Dictionary<string, (double Weight, RecentItem? Source)>(StringComparer.Ordinal);
            foreach (var (cat, a) in catMerged.Take(4).Concat(catScenario.Take(3)))
                if (a > targets.GetValueOrDefault(cat).Weight) targets[cat] = (a, null);
            foreach (var (cat, (v, src)) in recentComplement.OrderByDescending(c => c.Value.Value).Take(4))
                if (v > targets.GetValueOrDefault(cat).Weight) targets[cat] = (v, src);
            foreach (var (cat, (weight, src)) in targets.OrderByDescending(t => t.Value.Weight).ThenBy(t => t.Key, StringComparer.Ordinal))
            {
                if (!snap.CategoryItems.TryGetValue(cat, out var inCategory)) continue;
                var taken = 0;
                foreach (var j in inCategory)
                {
                    var style = _tags[j].FirstOrDefault(t => t.Facet == TagFacet.Style);
                    var affinity = style is null ? 0 : facetWeights[0].GetValueOrDefault(style.Text);
                    if (affinity < 0.5 && taken >= 3) continue;
                    Offer(j, new Reason(RecallChannel.InterestTag, weight * (0.3 + 0.7 * affinity), Tag: style?.Text,
                        RelatedCategory: src is null ? null : cat, Relation: src is null ? null : CategoryRelation.Complementary,
                        SourceItemId: src?.ItemId, SourceScenario: src?.Scenario));
                    if (++taken >= CategoryStyleRecall) break;
                }
            }

            // Item-to-item (Swing) from the recent items, more recent and stronger ones first.
            var recent = p.Recent.AsEnumerable().Reverse().Take(20)
                .Select(x => (x, w: x.Weight * Math.Pow(0.5, (now - x.At).TotalDays / UserProfile.HalfLife.TotalDays))).ToList();
            var maxRecent = recent.Count == 0 ? 1 : recent.Max(x => x.w);
            foreach (var (x, w) in recent)
            {
                var i = _index[x.ItemId];
                if (i >= snap.Swing.Length || snap.Swing[i].Count == 0) continue;
                var max = snap.Swing[i][0].Score;
                foreach (var (j, s) in snap.Swing[i].Take(20))
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
        var rows = new List<(Candidate C, float[] F)>(candidates.Count);
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
            foreach (var t in _tags[c.Item])
            {
                var slot = FacetSlot(t.Facet);
                if (slot < 0) continue;
                var feature = RankingFeatures.StyleAffinity + slot;
                f[feature] = Math.Max(f[feature], (float)facetWeights[slot].GetValueOrDefault(t.Text));
            }

            f[RankingFeatures.CategoryPopularity] = c.Item < snap.CategoryPopularity.Length ? snap.CategoryPopularity[c.Item] : 0;
            f[RankingFeatures.SegmentPopularity] = c.Item < snap.SegmentPopularity.Length ? snap.SegmentPopularity[c.Item] : 0;
            f[RankingFeatures.RecentPurchaseComplement] = (float)recentComplement.GetValueOrDefault(item.CategoryKey).Value;
            f[RankingFeatures.CategoryShare] = recentCount == 0 ? 0 : categoryCount.GetValueOrDefault(item.CategoryKey) / (float)recentCount;
            f[RankingFeatures.DaysSinceCategory] = categoryLast.TryGetValue(item.CategoryKey, out var lastAt)
                ? (float)Math.Clamp((now - lastAt).TotalDays, 0, 60) : 60;
            rows.Add((c, f));
        }

        return new CandidatePool(rows, fresh.ToHashSet(), cold);
    }

    private static int FacetSlot(TagFacet facet) => facet switch
    {
        TagFacet.Style => 0,
        TagFacet.Material => 1,
        TagFacet.Occasion => 2,
        _ => -1,
    };

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
    /// Ranker training rows: for each (buyer, scenario) with engagement after <paramref name="now"/>, every candidate
    /// this state recalls at <paramref name="now"/> (not only the ones the current ranker would show, so the learned
    /// ranker is not trained on its predecessor's choices), labelled by whether the buyer engaged with it later. Items
    /// the buyer had already engaged with are left out: the ranker's job is what the buyer will discover next.
    /// </summary>
    public List<(float[] Features, bool Label)> TrainingRows(IEnumerable<Interaction> future, DateTimeOffset now, int maxRequests = int.MaxValue)
    {
        var rows = new List<(float[], bool)>();
        var groups = future.Where(x => InteractionActions.Weight(x.Action, x.WatchSeconds) > 0)
            .GroupBy(x => (x.UserId, x.Scenario)).OrderBy(g => g.Key.UserId, StringComparer.Ordinal).ThenBy(g => g.Key.Scenario).Take(maxRequests);
        _gate.EnterReadLock();
        try
        {
            foreach (var g in groups)
            {
                if (!_profiles.TryGetValue(g.Key.UserId, out var profile) || !profile.HasHistory) continue;
                var seen = profile.Recent.Select(x => x.ItemId).ToHashSet(StringComparer.Ordinal);
                var positives = g.Select(x => x.ItemId).Where(i => !seen.Contains(i)).ToHashSet(StringComparer.Ordinal);
                if (positives.Count == 0) continue;
                var pool = CandidatesLocked(new RecommendationRequest(g.Key.UserId, g.Key.Scenario, 100, now, Exclude: seen));
                foreach (var (c, f) in pool.Rows) rows.Add((f, positives.Contains(_items[c.Item].Id)));
            }
        }
        finally { _gate.ExitReadLock(); }

        return rows;
    }
}
