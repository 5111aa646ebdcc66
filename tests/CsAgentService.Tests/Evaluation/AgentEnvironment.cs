using Commerce.CsAgent.Application;
using Commerce.CsAgent.Domain.Agent;
using Commerce.CsAgent.Domain.Intents;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.CsAgent.Domain.Retention;
using Commerce.CsAgent.Storage;
using Commerce.IntegrationEvents.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.CsAgent.Tests.Evaluation;

/// <summary>A clock that stays where it is put: the evaluation's orders are dated relative to it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class ListEventPublisher : IAgentEventPublisher
{
    public List<IntegrationEvent> Events { get; } = [];

    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        lock (Events) Events.Add(integrationEvent);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The service's desk wired by hand over a real SQLite file in a temp folder, without the web host: what the evaluation
/// and the benchmark drive. Same classes as the service, only the event publisher is a list.
/// </summary>
public sealed class AgentEnvironment : IDisposable
{
    public AgentEnvironment(DateTimeOffset now, ITextEmbedder? embedder)
    {
        Folder = Directory.CreateTempSubdirectory("csagent-eval-").FullName;
        Clock = new FixedClock(now);
        Database = new CsAgentDatabase(Path.Combine(Folder, "csagent.db"));
        Orders = new SqliteOrderBook(Database);
        Cases = new SqliteRefundCaseStore(Database);
        Refusals = new SqliteRefusedActionLog(Database, NullLogger<SqliteRefusedActionLog>.Instance);
        Knowledge = new KnowledgeBase(embedder);
        var access = new OrderAccess(Orders, Refusals);
        var refunds = new RefundDesk(Orders, Cases, Knowledge, new RetentionPolicy(), Clock);
        var agent = new CustomerServiceAgent(Knowledge, new IntentClassifier(), access, Orders, refunds, Cases, Clock);
        Desk = new AgentDesk(agent, new ConversationStore(Database), Cases, refunds, access, new TemplateReplyPhraser(), Events, Clock);
    }

    public string Folder { get; }
    public FixedClock Clock { get; }
    public CsAgentDatabase Database { get; }
    public SqliteOrderBook Orders { get; }
    public SqliteRefundCaseStore Cases { get; }
    public SqliteRefusedActionLog Refusals { get; }
    public KnowledgeBase Knowledge { get; }
    public ListEventPublisher Events { get; } = new();
    public AgentDesk Desk { get; }

    public void Load(EvaluationSet set)
    {
        foreach (var p in set.Products) Knowledge.UpsertProduct(p, 0);
        foreach (var r in set.Reviews) Knowledge.AddReview(r);
        foreach (var d in set.Dialogs) Knowledge.AddResolvedDialog(d);
        Orders.SaveAll(set.Orders);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* the OS cleans temp folders */ }
    }
}
