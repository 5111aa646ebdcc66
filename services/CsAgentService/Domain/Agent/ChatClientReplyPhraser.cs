using Microsoft.Extensions.AI;

namespace Commerce.CsAgent.Domain.Agent;

/// <summary>
/// Optional phrasing by a language model through Microsoft.Extensions.AI's <see cref="IChatClient"/>, used only when one
/// is registered. The model sees the decided reply and its cited values and may only reword it; a rewording that drops
/// any cited value, takes longer than <see cref="Budget"/> or fails falls back to the template text, so no fact or
/// action ever depends on the model. No model weights exist on this machine: this path is unmeasured here.
/// </summary>
public sealed class ChatClientReplyPhraser(IChatClient client) : IReplyPhraser
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<string> PhraseAsync(AgentReply reply, string language, CancellationToken cancellationToken)
    {
        if (reply.Escalated) return reply.Text;
        var values = reply.Sources.Select(s => s.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Cast<string>().ToList();
        var prompt = "Reword this customer-service reply to sound friendly and natural, in the same language, without adding any fact, " +
                     "number or promise, and keeping these values verbatim: " + string.Join(" | ", values) + "\n\nReply: " + reply.Text;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Budget);
            var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], cancellationToken: timeout.Token);
            var text = response.Text?.Trim();
            if (string.IsNullOrEmpty(text) || text.Length > 2000) return reply.Text;
            return values.All(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)) ? text : reply.Text;
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            return reply.Text;
        }
    }
}
