using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.CsAgent.Consumers;

/// <summary>A person's answer after a hand-off becomes a resolved-dialog fact of the product.</summary>
public sealed class DialogResolvedByHumanConsumer(CsAgentDatabase db, KnowledgeSourceStore sources, KnowledgeBase knowledge) : IConsumer<DialogResolvedByHuman>
{
    public Task Consume(ConsumeContext<DialogResolvedByHuman> context)
    {
        var m = context.Message;
        if (!db.TryMarkProcessed(m.EventId)) return Task.CompletedTask;
        var dialog = new ResolvedDialog(m.DialogId, m.ProductId, m.Question, m.Answer);
        sources.SaveDialog(dialog);
        knowledge.AddResolvedDialog(dialog);
        return Task.CompletedTask;
    }
}
