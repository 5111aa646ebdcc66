namespace Commerce.Reco.Domain;

/// <summary>
/// The serving state in memory: items, tags, content vectors, buyer profiles and popularity, changed by events under a
/// write lock (so a profile change is visible to the very next request), and a <see cref="ServingSnapshot"/> of the
/// heavier indexes swapped in by <see cref="Rebuild"/>. Recommendation itself is in the other part of this class.
/// </summary>
public sealed partial class RecoEngine
{
    public static readonly TimeSpan PopularityHalfLife = TimeSpan.FromDays(3);
    public static readonly TimeSpan FreshWindow = TimeSpan.FromHours(72);
    private const int MaxUserItems = 64, MaxPendingPerItem = 200;

    private readonly ItemEmbedder _embedder;
    private readonly TagExtractor _tagExtractor;
    private readonly IChineseTokenizer? _chinese;
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly List<CatalogItem> _items = [];
    private readonly List<ItemTag[]> _tags = [];
    private readonly List<float[]> _vectors = [];
    private readonly List<DecayingWeight[]> _popularity = [];
    private readonly List<double> _engagement = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserProfile> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _userItems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _userIntentCategories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Interaction>> _waitingForItem = new(StringComparer.Ordinal);
    private volatile ServingSnapshot _snapshot;
    private long _changes;

    public RecoEngine(ItemEmbedder embedder, IChineseTokenizer? chinese = null)
    {
        _embedder = embedder;
        _chinese = chinese;
        _tagExtractor = new TagExtractor(chinese);
        _snapshot = ServingSnapshot.Empty(embedder.Dimensions);
    }

    public IRanker Ranker { get; set; } = new HeuristicRanker();

    public ServingSnapshot Snapshot => _snapshot;

    /// <summary>Events applied since the last rebuild; the rebuild worker skips a rebuild when nothing changed.</summary>
    public long ChangesSinceRebuild => Interlocked.Read(ref _changes);

    public int ItemCount { get { _gate.EnterReadLock(); try { return _items.Count; } finally { _gate.ExitReadLock(); } } }

    public int UserCount { get { _gate.EnterReadLock(); try { return _profiles.Count; } finally { _gate.ExitReadLock(); } } }

    public CatalogItem? FindItem(string id)
    {
        _gate.EnterReadLock();
        try { return _index.TryGetValue(id, out var i) ? _items[i] : null; }
        finally { _gate.ExitReadLock(); }
    }

    public IReadOnlyList<ItemTag> TagsOf(string id)
    {
        _gate.EnterReadLock();
        try { return _index.TryGetValue(id, out var i) ? _tags[i] : []; }
        finally { _gate.ExitReadLock(); }
    }

    /// <summary>Adds or replaces an item. A stale version (lower than the one held) is ignored and answers false.</summary>
    public bool Upsert(CatalogItem item)
    {
        var tags = _tagExtractor.Extract(item).ToArray();
        var vector = _embedder.Vector(item, tags); // encodes outside the lock: MiniLM takes milliseconds per new text
        List<Interaction>? waiting;
        _gate.EnterWriteLock();
        try
        {
            if (_index.TryGetValue(item.Id, out var i))
            {
                if (item.Version < _items[i].Version) return false;
                _items[i] = item with { ListedAt = _items[i].ListedAt };
                _tags[i] = tags;
                _vectors[i] = vector;
            }
            else
            {
                _index[item.Id] = _items.Count;
                _items.Add(item);
                _tags.Add(tags);
                _vectors.Add(vector);
                _popularity.Add(new DecayingWeight[Scenarios.Count + 1]);
                _engagement.Add(0);
            }

            _waitingForItem.Remove(item.Id, out waiting);
            if (waiting is not null) foreach (var w in waiting) ApplyLocked(w);
            Interlocked.Increment(ref _changes);
            return true;
        }
        finally { _gate.ExitWriteLock(); }
    }

    /// <summary>
    /// Applies one interaction to the buyer's profile, the item's popularity and the co-interaction sets. An interaction
    /// with an item not yet known waits for the item's listing (events of different services arrive in any order).
    /// </summary>
    public void Apply(Interaction interaction)
    {
        _gate.EnterWriteLock();
        try
        {
            if (!_index.ContainsKey(interaction.ItemId))
            {
                if (!_waitingForItem.TryGetValue(interaction.ItemId, out var list)) _waitingForItem[interaction.ItemId] = list = [];
                if (list.Count < MaxPendingPerItem) list.Add(interaction);
                return;
            }

            ApplyLocked(interaction);
            Interlocked.Increment(ref _changes);
        }
        finally { _gate.ExitWriteLock(); }
    }

    private void ApplyLocked(Interaction interaction)
    {
        var i = _index[interaction.ItemId];
        var item = _items[i];
        if (!_profiles.TryGetValue(interaction.UserId, out var profile)) _profiles[interaction.UserId] = profile = new UserProfile(interaction.UserId);
        profile.Apply(interaction, item, _tags[i]);
        var w = InteractionActions.Weight(interaction.Action, interaction.WatchSeconds);
        if (w <= 0) return;
        _popularity[i][(int)interaction.Scenario].Add(w, interaction.At, PopularityHalfLife);
        _popularity[i][Scenarios.Count].Add(w, interaction.At, PopularityHalfLife);
        _engagement[i] += w;

        if (!_userItems.TryGetValue(interaction.UserId, out var items)) _userItems[interaction.UserId] = items = [];
        items.Remove(i);
        items.Add(i);
        if (items.Count > MaxUserItems) items.RemoveAt(0);
        if (InteractionActions.IsHighIntent(interaction.Action))
        {
            if (!_userIntentCategories.TryGetValue(interaction.UserId, out var cats)) _userIntentCategories[interaction.UserId] = cats = new(StringComparer.Ordinal);
            cats.Add(item.CategoryKey);
        }
    }

    /// <summary>Rebuilds the snapshot from the live state (seconds at 100k items), then swaps it in.</summary>
    public ServingSnapshot Rebuild(DateTimeOffset now, bool buildAnn = true)
    {
        Interlocked.Exchange(ref _changes, 0);
        int n;
        float[] rows;
        List<int[]> userSets;
        List<HashSet<string>> intentSets;
        float[] popularity;
        double[][] scenarioPop;
        double[] engagement;
        CatalogItem[] items;
        ItemTag[][] tags;
        _gate.EnterReadLock();
        try
        {
            n = _items.Count;
            items = _items.ToArray();
            tags = _tags.ToArray();
            rows = new float[n * _embedder.Dimensions];
            for (var i = 0; i < n; i++) _vectors[i].CopyTo(rows, i * _embedder.Dimensions);
            userSets = _userItems.Values.Select(l => l.ToArray()).ToList();
            intentSets = _userIntentCategories.Values.Select(s => new HashSet<string>(s)).ToList();
            popularity = new float[n];
            engagement = _engagement.ToArray();
            scenarioPop = new double[Scenarios.Count + 1][];
            for (var s = 0; s <= Scenarios.Count; s++)
            {
                scenarioPop[s] = new double[n];
                for (var i = 0; i < n; i++) scenarioPop[s][i] = _popularity[i][s].ValueAt(now, PopularityHalfLife);
            }
        }
        finally { _gate.ExitReadLock(); }

        var maxPop = n == 0 ? 1 : Math.Max(1e-9, scenarioPop[Scenarios.Count].Max());
        for (var i = 0; i < n; i++) popularity[i] = (float)(Math.Log(1 + scenarioPop[Scenarios.Count][i]) / Math.Log(1 + maxPop));

        int[] ByPopularity(IEnumerable<int> ids, int take) =>
            ids.OrderByDescending(i => popularity[i]).ThenBy(i => i).Take(take).ToArray();

        var trending = new int[Scenarios.Count + 1][];
        for (var s = 0; s <= Scenarios.Count; s++)
        {
            var top = new TopK(300);
            for (var i = 0; i < n; i++) if (scenarioPop[s][i] > 0) top.Offer(i, (float)scenarioPop[s][i]);
            trending[s] = top.Result().Select(p => p.Id).ToArray();
        }

        var categoryItems = Enumerable.Range(0, n).GroupBy(i => items[i].CategoryKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ByPopularity(g, 200), StringComparer.Ordinal);
        var tagItems = Enumerable.Range(0, n).SelectMany(i => tags[i].Select(t => (t.Text, i))).GroupBy(p => p.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ByPopularity(g.Select(p => p.i), 100), StringComparer.Ordinal);

        var categoryPop = new float[n];
        var segmentPop = new float[n];
        string Segment(int i) => items[i].CategoryKey + "|" + (tags[i].FirstOrDefault(t => t.Facet == TagFacet.Style)?.Text ?? "");
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => items[i].CategoryKey, StringComparer.Ordinal))
        {
            var max = Math.Max(1e-9, group.Max(i => engagement[i]));
            foreach (var i in group) categoryPop[i] = (float)(engagement[i] / max);
        }

        foreach (var group in Enumerable.Range(0, n).GroupBy(Segment, StringComparer.Ordinal))
        {
            var max = Math.Max(1e-9, group.Max(i => engagement[i]));
            foreach (var i in group) segmentPop[i] = (float)(engagement[i] / max);
        }

        var swing = Swing.Compute(userSets, n);
        IVectorIndex ann = buildAnn && n >= 2000 ? new IvfVectorIndex(rows, _embedder.Dimensions) : new ExactVectorIndex(rows, _embedder.Dimensions);

        var categories = categoryItems.Keys.OrderBy(c => c, StringComparer.Ordinal).ToList();
        var embeddings = categories.Select(_embedder.CategoryVector).ToList();
        var chineseDocs = categories.Select(c => ChineseDocument(c, categoryItems[c].Take(20).Select(i => items[i]))).ToList();
        var graph = RelatedCategoryGraph.Build(categories, intentSets, embeddings, chineseDocs);

        var snapshot = new ServingSnapshot
        {
            ItemCount = n, Ann = ann, Swing = swing, CategoryItems = categoryItems, TagItems = tagItems, Trending = trending,
            Popularity = popularity, CategoryPopularity = categoryPop, SegmentPopularity = segmentPop, Graph = graph, BuiltAt = now,
        };
        _snapshot = snapshot;
        return snapshot;
    }

    private IReadOnlyList<string> ChineseDocument(string category, IEnumerable<CatalogItem> items)
    {
        if (_chinese is null) return [];
        var words = new List<string>();
        foreach (var level in CategoryKeys.Levels(category).Where(HasHan)) words.AddRange(_chinese.Cut(level).Where(HasHan));
        foreach (var item in items.Where(i => !string.IsNullOrWhiteSpace(i.TitleZh))) words.AddRange(_chinese.Cut(item.TitleZh!).Where(HasHan));
        return words;
    }

    private static bool HasHan(string s) => s.Any(c => c >= 0x4E00 && c <= 0x9FFF);

    /// <summary>A copy of what the profile says, for GetUserInterests; null for a buyer with no history.</summary>
    public UserInterests? Interests(string userId, Scenario? scenario, int count, DateTimeOffset now)
    {
        _gate.EnterReadLock();
        try
        {
            if (!_profiles.TryGetValue(userId, out var p) || !p.HasHistory) return null;
            var tags = p.TopTags(scenario, now, count).Select(t => new UserTag(t.Tag, t.Stat.Facet, t.Weight,
                Scenarios.All.Select(s => (s, t.Stat.Weights.ValueAt(s, now))).Where(x => x.Item2 > 1e-9).ToList(), t.Stat.LastSeen)).ToList();
            var cats = p.CategoryAffinities(scenario, now).Take(count).ToList();
            return new UserInterests(tags, cats, p.UpdatedAt);
        }
        finally { _gate.ExitReadLock(); }
    }
}

public sealed record UserTag(string Tag, TagFacet Facet, double Weight, IReadOnlyList<(Scenario Scenario, double Weight)> PerScenario, DateTimeOffset LastSeen);

public sealed record UserInterests(IReadOnlyList<UserTag> Tags, IReadOnlyList<(string Category, double Affinity)> Categories, DateTimeOffset? UpdatedAt);
