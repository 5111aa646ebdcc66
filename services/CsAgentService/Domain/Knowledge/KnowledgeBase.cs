using System.Collections.Concurrent;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// The per-product fact store and its retrieval. Facts come from the detail page, aggregated reviews and dialogs
/// resolved by people. A question is scored only against its product's facts: jieba-segmented BM25 (catalog-wide
/// statistics) for both languages, all-MiniLM-L6-v2 cosine for English, and the concept gate of
/// <see cref="ConceptLexicon"/>. Embeddings of a product's facts are computed on its first English question.
/// </summary>
public sealed class KnowledgeBase(ITextEmbedder? embedder)
{
    private const double DialogJaccard = 0.5;
    private const double DialogCosine = 0.8;
    private const double FallbackCosine = 0.6;
    private const double MinReviewConfidence = 0.3;

    private readonly ConcurrentDictionary<string, ProductEntry> _products = new(StringComparer.Ordinal);
    private readonly Bm25Statistics _statistics = new();

    public int ProductCount => _products.Count;

    public ProductInfo? Product(string productId) => _products.TryGetValue(productId, out var e) ? e.Info : null;

    /// <summary>Adds or replaces a listing; an update older than the one held is ignored (events may arrive out of order).</summary>
    public bool UpsertProduct(ProductSnapshot snapshot, long version)
    {
        var entry = _products.GetOrAdd(snapshot.ProductId, _ => new ProductEntry());
        lock (entry)
        {
            if (entry.Info is not null && entry.Info.Version > version) return false;
            entry.Info = new ProductInfo(snapshot.ProductId, snapshot.MerchantId, snapshot.Title, snapshot.TitleZh, snapshot.Price, snapshot.SizeChart, version);
            entry.DetailFacts = DetailPageMiner.Mine(snapshot).Select(Index).ToList();
            Reindex(entry);
        }

        return true;
    }

    public void AddReview(ProductReview review)
    {
        var entry = _products.GetOrAdd(review.ProductId, _ => new ProductEntry());
        lock (entry)
        {
            if (entry.Reviews.Any(r => r.ReviewId == review.ReviewId)) return;
            entry.Reviews.Add(review);
            entry.ReviewFacts = ReviewFactAggregator.Aggregate(review.ProductId, entry.Reviews).Select(Index).ToList();
            Reindex(entry);
        }
    }

    public void AddResolvedDialog(ResolvedDialog dialog)
    {
        var entry = _products.GetOrAdd(dialog.ProductId, _ => new ProductEntry());
        lock (entry)
        {
            if (entry.DialogFacts.Any(f => f.Fact.SourceId == dialog.DialogId)) return;
            var fact = new ProductFact(dialog.ProductId, "dialog", dialog.Answer, TextLanguage.Detect(dialog.Question), FactSource.ResolvedDialog,
                dialog.DialogId, DetailPageMiner.Clip(dialog.Question), 0.85);
            entry.DialogFacts.Add(Index(fact));
            Reindex(entry);
        }
    }

    public IReadOnlyList<ProductFact> Facts(string productId) =>
        _products.TryGetValue(productId, out var e) ? e.All.Select(f => f.Fact).ToList() : [];

    public FactAnswer Answer(string productId, string question, string language)
    {
        var qTokens = TextTokenizer.Tokenize(question, language);
        var qConcepts = ConceptLexicon.ConceptsOf(qTokens).Concat(ConceptLexicon.ConceptsInChineseText(question)).ToHashSet();
        if (!_products.TryGetValue(productId, out var entry)) return FactAnswer.Unknown(qConcepts);
        List<IndexedFact> facts;
        lock (entry) facts = entry.All.Where(f => f.Fact.Language == language || f.Fact.Attribute == "size_chart").ToList();
        if (facts.Count == 0) return FactAnswer.Unknown(qConcepts);

        float[]? qVector = null;
        if (language == TextLanguage.English && embedder is not null)
        {
            EnsureEmbedded(facts);
            qVector = embedder.Embed([question])[0];
        }

        var query = qTokens.Concat(qConcepts.Select(c => "§" + c)).ToList();
        var scored = facts.Select(f => new Scored(f, _statistics.Score(query, f.Terms), qVector is null || f.Vector is null ? 0 : Dot(qVector, f.Vector))).ToList();

        // A resolved dialog answers when its question is (nearly) the buyer's question.
        var dialog = scored.Where(s => s.Fact.Fact.Source == FactSource.ResolvedDialog)
            .Select(s => (s, sim: Math.Max(Jaccard(qTokens, s.Fact.DialogQuestionTokens), s.Cosine >= DialogCosine ? s.Cosine : 0)))
            .Where(x => x.sim >= DialogJaccard).OrderByDescending(x => x.sim).FirstOrDefault();
        if (dialog.s is not null) return new FactAnswer([dialog.s.Fact.Fact], dialog.sim, qConcepts);

        if (qConcepts.Count > 0)
        {
            var eligible = scored.Where(s => s.Fact.Concepts.Overlaps(qConcepts) && s.Fact.Fact.Source != FactSource.ResolvedDialog).ToList();
            var attributes = eligible.Where(s => s.Fact.Fact.Source == FactSource.DetailAttribute && s.Fact.Fact.Attribute != "size_chart")
                .OrderByDescending(s => s.Bm25 + s.Cosine).ToList();
            var reviews = eligible.Where(s => s.Fact.Fact.Source == FactSource.Review && s.Fact.Fact.Confidence >= MinReviewConfidence)
                .OrderByDescending(s => s.Fact.Fact.Confidence).Take(1).ToList();
            if (attributes.Count > 0)
            {
                // "How long does the battery last?" names size and battery: cite the concept of the best match only.
                var topConcepts = attributes[0].Fact.Concepts.Intersect(qConcepts).ToHashSet();
                var selected = attributes.Where(a => a.Fact.Concepts.Overlaps(topConcepts)).Take(3).OrderBy(a => scored.IndexOf(a));
                var support = reviews.Where(r => r.Fact.Concepts.Overlaps(topConcepts));
                return new FactAnswer(selected.Concat(support).Select(s => s.Fact.Fact).ToList(), 1.0, qConcepts);
            }

            var text = eligible.Where(s => s.Fact.Fact.Source == FactSource.DetailText).OrderByDescending(s => s.Bm25 + s.Cosine).Take(1).ToList();
            if (text.Count > 0) return new FactAnswer(text.Concat(reviews).Select(s => s.Fact.Fact).ToList(), 0.7, qConcepts);
            if (reviews.Count > 0) return new FactAnswer(reviews.Select(s => s.Fact.Fact).ToList(), 0.8, qConcepts);
            return FactAnswer.Unknown(qConcepts);
        }

        // No concept named: only a close semantic match to a declared attribute is good enough to state.
        var best = scored.Where(s => s.Fact.Fact.Source == FactSource.DetailAttribute && s.Bm25 > 0 && s.Cosine >= FallbackCosine)
            .OrderByDescending(s => s.Cosine).FirstOrDefault();
        return best is null ? FactAnswer.Unknown(qConcepts) : new FactAnswer([best.Fact.Fact], best.Cosine, qConcepts);
    }

    private void EnsureEmbedded(List<IndexedFact> facts)
    {
        var missing = facts.Where(f => f.Vector is null && f.Fact.Language == TextLanguage.English).ToList();
        if (missing.Count == 0) return;
        var vectors = embedder!.Embed(missing.Select(f => f.EmbeddingText).ToList());
        for (var i = 0; i < missing.Count; i++) missing[i].Vector = vectors[i];
    }

    private void Reindex(ProductEntry entry)
    {
        foreach (var f in entry.All) _statistics.Remove(f.Distinct, f.Terms.Count);
        entry.All = entry.DetailFacts.Concat(entry.ReviewFacts).Concat(entry.DialogFacts).ToList();
        foreach (var f in entry.All) _statistics.Add(f.Distinct, f.Terms.Count);
    }

    private static IndexedFact Index(ProductFact fact)
    {
        var keyWords = fact.Attribute.Replace('_', ' ');
        var text = fact.Source == FactSource.ResolvedDialog ? fact.Excerpt + " " + fact.Value : keyWords + " " + fact.Value;
        var tokens = TextTokenizer.Tokenize(text, fact.Language).ToList();
        var conceptText = fact.Source == FactSource.ResolvedDialog ? fact.Excerpt : fact.Attribute;
        var concepts = ConceptLexicon.ConceptsOf(fact.Source == FactSource.ResolvedDialog ? TextTokenizer.Tokenize(fact.Excerpt, fact.Language) : tokens)
            .Concat(ConceptLexicon.ConceptsInChineseText(conceptText)).ToHashSet();
        var terms = tokens.Concat(concepts.Select(c => "§" + c)).ToList();
        var dialogQuestion = fact.Source == FactSource.ResolvedDialog ? TextTokenizer.Tokenize(fact.Excerpt, fact.Language) : [];
        var embeddingText = fact.Source == FactSource.ResolvedDialog ? fact.Excerpt : keyWords + ": " + fact.Value;
        return new IndexedFact(fact, terms, terms.Distinct().ToList(), concepts, dialogQuestion, embeddingText);
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var sa = a.ToHashSet();
        var sb = b.ToHashSet();
        return (double)sa.Intersect(sb).Count() / sa.Union(sb).Count();
    }

    private static double Dot(float[] a, float[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private sealed class ProductEntry
    {
        public ProductInfo? Info { get; set; }
        public List<IndexedFact> DetailFacts { get; set; } = [];
        public List<IndexedFact> ReviewFacts { get; set; } = [];
        public List<IndexedFact> DialogFacts { get; } = [];
        public List<ProductReview> Reviews { get; } = [];
        public List<IndexedFact> All { get; set; } = [];
    }

    private sealed class IndexedFact(ProductFact fact, List<string> terms, List<string> distinct, IReadOnlySet<string> concepts, IReadOnlyList<string> dialogQuestionTokens, string embeddingText)
    {
        public ProductFact Fact { get; } = fact;
        public List<string> Terms { get; } = terms;
        public List<string> Distinct { get; } = distinct;
        public IReadOnlySet<string> Concepts { get; } = concepts;
        public IReadOnlyList<string> DialogQuestionTokens { get; } = dialogQuestionTokens;
        public string EmbeddingText { get; } = embeddingText;
        public float[]? Vector { get; set; }
    }

    private sealed record Scored(IndexedFact Fact, double Bm25, double Cosine);
}
