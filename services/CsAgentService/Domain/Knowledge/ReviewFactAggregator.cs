namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>A review as the knowledge base keeps it.</summary>
public sealed record ProductReview(string ReviewId, string ProductId, int Rating, string Text);

/// <summary>
/// Turns a product's reviews into facts, one per (aspect, value), in both languages. Confidence is the share of the
/// aspect's mentions that agree, shrunk towards zero for few mentions (n / (n + 2)): one review saying "runs large" is
/// an anecdote, ten out of twelve is a fact worth telling a buyer.
/// </summary>
public static class ReviewFactAggregator
{
    public static IReadOnlyList<ProductFact> Aggregate(string productId, IEnumerable<ProductReview> reviews)
    {
        var mentions = new List<(ReviewAspect Aspect, ProductReview Review)>();
        foreach (var r in reviews)
        {
            foreach (var a in ReviewAspectMiner.Mine(r.Text)) mentions.Add((a, r));
        }

        var facts = new List<ProductFact>();
        foreach (var byAspect in mentions.GroupBy(m => m.Aspect.Aspect))
        {
            var total = byAspect.Count();
            foreach (var byValue in byAspect.GroupBy(m => m.Aspect.ValueEn))
            {
                var n = byValue.Count();
                var confidence = (double)n / total * n / (n + 2.0);
                var aspect = byValue.First().Aspect;
                var ids = string.Join(",", byValue.Select(m => m.Review.ReviewId).Take(5));
                var excerpt = DetailPageMiner.Clip(byValue.First().Review.Text);
                facts.Add(new ProductFact(productId, "review_" + aspect.Aspect, aspect.ValueEn, TextLanguage.English, FactSource.Review, ids, excerpt, confidence, n));
                facts.Add(new ProductFact(productId, "评价_" + aspect.Aspect, aspect.ValueZh, TextLanguage.Chinese, FactSource.Review, ids, excerpt, confidence, n));
            }
        }

        return facts;
    }
}
