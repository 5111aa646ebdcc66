namespace Commerce.CsAgent.Domain.Agent;

/// <summary>Rewords a reply the agent already decided. The facts and actions are fixed before phrasing is asked for.</summary>
public interface IReplyPhraser
{
    Task<string> PhraseAsync(AgentReply reply, string language, CancellationToken cancellationToken);
}

/// <summary>The default: the template wording as it is (no language model is configured or available here).</summary>
public sealed class TemplateReplyPhraser : IReplyPhraser
{
    public Task<string> PhraseAsync(AgentReply reply, string language, CancellationToken cancellationToken) => Task.FromResult(reply.Text);
}
