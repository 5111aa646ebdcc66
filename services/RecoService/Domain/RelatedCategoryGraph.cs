namespace Commerce.Reco.Domain;

public sealed record RelatedCategoryEdge(string Category, CategoryRelation Relation, double Strength, double CoInteraction, double Semantic);

/// <summary>
/// Categories related to each category, with strengths. Co-interaction comes from Swing over the categories each buyer
/// showed high intent for (cart, try-on, purchase); semantic similarity from MiniLM over the category texts and, for
/// Chinese texts, BM25 over jieba words. A pair is a substitute when its texts are close (same parent and similar
/// names, or very similar names: dress vs skirt); otherwise co-interaction makes it complementary (dress vs belt),
/// because buyers rarely buy two things that do the same job, but do buy what completes an outfit.
/// </summary>
public sealed class RelatedCategoryGraph
{
    public const double SubstituteSimilarity = 0.85, SameParentSubstituteSimilarity = 0.45, StrongCoInteraction = 0.3;
    private const int MaxEdges = 30;
    private readonly Dictionary<string, List<RelatedCategoryEdge>> _edges;

    private RelatedCategoryGraph(Dictionary<string, List<RelatedCategoryEdge>> edges) => _edges = edges;

    public static readonly RelatedCategoryGraph Empty = new(new Dictionary<string, List<RelatedCategoryEdge>>());

    public IReadOnlyCollection<string> Categories => _edges.Keys;

    /// <summary>Edges of a category, or of every category under a prefix merged (strongest per target), strongest first.</summary>
    public IReadOnlyList<RelatedCategoryEdge> Related(string category, CategoryRelation? relation = null)
    {
        IEnumerable<RelatedCategoryEdge> edges;
        if (_edges.TryGetValue(category, out var exact)) edges = exact;
        else
        {
            var prefix = category + "/";
            edges = _edges.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(e => e.Value)
                .Where(e => !e.Category.StartsWith(prefix, StringComparison.Ordinal) && e.Category != category)
                .GroupBy(e => e.Category).Select(g => g.MaxBy(e => e.Strength)!);
        }

        return edges.Where(e => relation is null || e.Relation == relation)
            .OrderByDescending(e => e.Strength).ThenBy(e => e.Category, StringComparer.Ordinal).ToList();
    }

    /// <param name="categories">Every category key known.</param>
    /// <param name="userCategorySets">Per buyer, the categories they showed high intent for.</param>
    /// <param name="embeddings">Unit vector of each category's text, same order as <paramref name="categories"/>.</param>
    /// <param name="chineseDocuments">Jieba words of each category's Chinese texts (empty when there are none).</param>
    public static RelatedCategoryGraph Build(IReadOnlyList<string> categories, IEnumerable<IEnumerable<string>> userCategorySets,
        IReadOnlyList<float[]>? embeddings, IReadOnlyList<IReadOnlyList<string>>? chineseDocuments, int minSupportUsers = 2)
    {
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var sets = userCategorySets.Select(s => s.Where(index.ContainsKey).Select(c => index[c]).Distinct().ToArray())
            .Where(s => s.Length >= 2).ToList();
        var swing = Swing.Compute(sets, categories.Count, topK: MaxEdges, maxUsersPerItem: 400, maxItemsPerUser: 32);

        // Support: how many buyers had both, so a pair seen once by chance is not an edge.
        var support = new Dictionary<(int, int), int>();
        foreach (var s in sets)
        {
            foreach (var a in s)
            foreach (var b in s)
            {
                if (a != b) support[(a, b)] = support.GetValueOrDefault((a, b)) + 1;
            }
        }

        var bm25 = chineseDocuments is not null && chineseDocuments.Any(d => d.Count > 0) ? new Bm25(chineseDocuments) : null;
        double Semantic(int a, int b)
        {
            double s = embeddings is null ? 0 : Math.Max(0, VectorMath.Dot(embeddings[a], embeddings[b]));
            if (bm25 is not null && chineseDocuments![a].Count > 0 && chineseDocuments[b].Count > 0)
                s = Math.Max(s, 0.5 * (bm25.Similarity(a, b) + bm25.Similarity(b, a)));
            return s;
        }

        // Normalised by the strongest pair of the whole graph, not of each category: a category whose only partners are
        // chance co-purchases must not get a strength of 1 for the best of them.
        var maxSwing = Math.Max(1e-9, swing.Where(l => l.Count > 0).Select(l => (double)l[0].Score).DefaultIfEmpty(1).Max());
        var edges = new Dictionary<string, List<RelatedCategoryEdge>>(StringComparer.Ordinal);
        for (var a = 0; a < categories.Count; a++)
        {
            var list = new Dictionary<int, RelatedCategoryEdge>();
            foreach (var (b, score) in swing[a])
            {
                if (support.GetValueOrDefault((a, b)) < minSupportUsers) continue;
                var co = Math.Sqrt(score / maxSwing);
                var sem = Semantic(a, b);
                list[b] = Edge(categories[a], categories[b], co, sem);
            }

            if (embeddings is not null || bm25 is not null)
            {
                for (var b = 0; b < categories.Count; b++)
                {
                    if (b == a || list.ContainsKey(b)) continue;
                    var sem = Semantic(a, b);
                    var edge = Edge(categories[a], categories[b], 0, sem);
                    if (edge.Relation == CategoryRelation.Substitute) list[b] = edge;
                }
            }

            edges[categories[a]] = list.Values.OrderByDescending(e => e.Strength).ThenBy(e => e.Category, StringComparer.Ordinal).Take(MaxEdges).ToList();
        }

        return new RelatedCategoryGraph(edges);
    }

    private static RelatedCategoryEdge Edge(string a, string b, double co, double sem)
    {
        var sameParent = CategoryKeys.Parent(a) is { Length: > 0 } p && p == CategoryKeys.Parent(b);
        // Strong co-purchase overrides a shared parent: lipstick and foundation are both "beauty" yet bought together.
        var substitute = sem >= SubstituteSimilarity || (sameParent && sem >= SameParentSubstituteSimilarity && co < StrongCoInteraction);
        return substitute
            ? new RelatedCategoryEdge(b, CategoryRelation.Substitute, 0.5 * co + 0.5 * sem, co, sem)
            : new RelatedCategoryEdge(b, CategoryRelation.Complementary, co * (1 - 0.5 * sem), co, sem);
    }
}
