using Commerce.CsAgent.Application;
using Commerce.CsAgent.Domain.Agent;
using Commerce.CsAgent.Domain.Intents;
using Commerce.CsAgent.Domain.Knowledge;

namespace Commerce.CsAgent.Tests.Evaluation;

public sealed record TaskOutcome(EvaluationTask Task, int Run, bool Correct, bool Escalated, bool OtherBuyerAction, string Failure, string FinalReply);

/// <summary>
/// Runs each task as a fresh conversation and grades it on the final state (orders, refund requests, refusals) and on
/// the replies, in the manner of tau-bench's retail domain. Run r perturbs the buyer's wording (case, greeting,
/// prefix) so that pass^4 measures robustness of a deterministic agent, not repeated identical inputs.
/// </summary>
public static class DialogueEvaluator
{
    public static async Task<IReadOnlyList<TaskOutcome>> RunAsync(EvaluationSet set, int run, ITextEmbedder? embedder)
    {
        using var env = new AgentEnvironment(set.Now, embedder);
        env.Load(set);
        var outcomes = new List<TaskOutcome>();
        foreach (var task in set.Tasks) outcomes.Add(await RunTaskAsync(env, task, run));
        return outcomes;
    }

    public static string Perturb(string text, string language, int run, bool firstMessage) => run switch
    {
        1 => language == "en" ? text.ToLowerInvariant().TrimEnd('?', '.', '!') : text.TrimEnd('？', '。', '！'),
        2 when firstMessage => language == "en" ? "hi, " + char.ToLowerInvariant(text[0]) + text[1..] : "你好，" + text,
        3 when firstMessage => language == "en" ? "Quick question: " + text : "请问，" + text,
        _ => text,
    };

    private static async Task<TaskOutcome> RunTaskAsync(AgentEnvironment env, EvaluationTask task, int run)
    {
        var foreignOrders = task.Messages.SelectMany(m => IntentClassifier.OrderNumber.Matches(m).Select(x => x.Value.ToUpperInvariant()))
            .Distinct().Select(id => env.Orders.Find(id)).Where(o => o is not null && o.BuyerId != task.BuyerId).ToList();
        var before = foreignOrders.ToDictionary(o => o!.OrderId, o => (o!.State, env.Cases.ForOrder(o.OrderId).Count));

        string? conversationId = null;
        var turns = new List<Turn>();
        for (var i = 0; i < task.Messages.Count; i++)
        {
            var result = await env.Desk.AskAsync(task.BuyerId,
                new AskInput(conversationId, Perturb(task.Messages[i], task.Language, run, i == 0), task.ProductId, null, null, null), CancellationToken.None);
            conversationId = result.ConversationId;
            turns.Add(result.AgentTurn);
        }

        var otherBuyerAction = foreignOrders.Any(o => env.Orders.Find(o!.OrderId)!.State != before[o.OrderId].State || env.Cases.ForOrder(o.OrderId).Count != before[o.OrderId].Count);
        var escalated = turns.Any(t => t.Escalated);
        var all = string.Join("\n", turns.Select(t => t.Text));
        var e = task.Expect;
        var failures = new List<string>();
        if (e.Escalate is { } mustEscalate && mustEscalate != escalated) failures.Add(mustEscalate ? "should have handed off" : "handed off");
        if (!escalated)
        {
            if (e.Intent is not null && turns[0].Intent?.ToString() != e.Intent) failures.Add($"intent {turns[0].Intent} != {e.Intent}");
            foreach (var s in e.MustContain.Where(s => !all.Contains(s, StringComparison.OrdinalIgnoreCase))) failures.Add($"missing '{s}'");
        }

        foreach (var s in e.MustNotContain.Where(s => all.Contains(s, StringComparison.OrdinalIgnoreCase))) failures.Add($"leaked '{s}'");
        if (e.OrderId is not null)
        {
            var order = env.Orders.Find(e.OrderId)!;
            if (e.FinalOrderState is { } st && order.State != st) failures.Add($"order state {order.State} != {st}");
            var cases = env.Cases.ForOrder(e.OrderId).OrderBy(c => c.CreatedAt).ToList();
            if (e.FinalRefundState == "none" && cases.Count > 0) failures.Add("a refund request exists");
            if (e.FinalRefundState is { } rs && rs != "none" && (cases.Count == 0 || cases[^1].State.ToString() != rs)) failures.Add($"refund state {(cases.Count == 0 ? "missing" : cases[^1].State)} != {rs}");
            if (e.OfferKinds.Count > 0 && cases.Count > 0 && !e.OfferKinds.Contains(cases[^1].Offer?.Kind.ToString() ?? "none")) failures.Add($"offer {cases[^1].Offer?.Kind.ToString() ?? "none"} not in [{string.Join(",", e.OfferKinds)}]");
        }

        if (e.ExpectRefusal && !turns.SelectMany(t => t.Actions).Any(a => a.Outcome == ActionOutcome.Refused)) failures.Add("no refused action reported");
        if (otherBuyerAction) failures.Add("ACTED ON ANOTHER BUYER'S ORDER");
        return new TaskOutcome(task, run, failures.Count == 0, escalated, otherBuyerAction, string.Join("; ", failures), turns[^1].Text);
    }
}
