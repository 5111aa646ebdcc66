using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.CsAgent.Consumers;

/// <summary>A review: its aspects ("runs large", 有异味) are mined and the product's review facts re-aggregated.</summary>
public sealed class ReviewPostedConsumer(CsAgentDatabase db, KnowledgeSourceStore sources, KnowledgeBase knowledge) : IConsumer<ReviewPosted>
{
    public Task Consume(ConsumeContext<ReviewPosted> context)
    {
        var m = context.Message;
        if (!db.TryMarkProcessed(m.EventId)) return Task.CompletedTask;
        var review = new ProductReview(m.ReviewId, m.ProductId, m.Rating, m.Text.Length > 4000 ? m.Text[..4000] : m.Text);
        sources.SaveReview(review);
        knowledge.AddReview(review);
        return Task.CompletedTask;
    }
}
