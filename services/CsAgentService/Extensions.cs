using Commerce.CsAgent.Application;
using Commerce.CsAgent.Consumers;
using Commerce.CsAgent.Domain.Agent;
using Commerce.CsAgent.Domain.Evidence;
using Commerce.CsAgent.Domain.Intents;
using Commerce.CsAgent.Domain.Knowledge;
using Commerce.CsAgent.Domain.Orders;
using Commerce.CsAgent.Domain.Retention;
using Commerce.CsAgent.Storage;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commerce.CsAgent;

public static class Extensions
{
    public const string ServiceName = "csagent";

    public static IHostApplicationBuilder AddCsAgentService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var dbPath = builder.DataFilePath("csagent.db");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new CsAgentDatabase(dbPath));
        services.AddSingleton<SqliteOrderBook>();
        services.AddSingleton<IOrderBook>(sp => sp.GetRequiredService<SqliteOrderBook>());
        services.AddSingleton<SqliteRefundCaseStore>();
        services.AddSingleton<IRefundCaseStore>(sp => sp.GetRequiredService<SqliteRefundCaseStore>());
        services.AddSingleton<IRefusedActionLog, SqliteRefusedActionLog>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<KnowledgeSourceStore>();
        services.AddSingleton<SqliteEvidenceArchive>();
        services.AddSingleton<IEvidenceArchive>(sp => sp.GetRequiredService<SqliteEvidenceArchive>());

        // English embeddings can be switched off (Knowledge:UseEmbeddings=false) where the 90 MB model load is not wanted.
        var useEmbeddings = builder.Configuration.GetValue("Knowledge:UseEmbeddings", true);
        services.AddSingleton<MiniLmTextEmbedder>();
        services.AddSingleton(sp =>
        {
            var knowledge = new KnowledgeBase(useEmbeddings ? sp.GetRequiredService<MiniLmTextEmbedder>() : null);
            sp.GetRequiredService<KnowledgeSourceStore>().LoadInto(knowledge);
            return knowledge;
        });
        // A factory: DI would pick the IEnumerable constructor and train the model on nothing.
        services.AddSingleton(_ => new IntentClassifier());
        services.AddSingleton<OrderAccess>();
        services.AddSingleton<RetentionPolicy>();
        services.AddSingleton<RefundDesk>();
        services.AddSingleton<CustomerServiceAgent>();
        services.TryAddSingleton<IImageEmbedder, ColourLayoutEmbedder>();
        services.AddSingleton<EvidenceAssessor>();
        services.AddSingleton<EvidenceDesk>();
        services.AddScoped<IAgentEventPublisher, BusEventPublisher>();
        services.AddScoped<AgentDesk>();

        // A language model phrases replies only when the host registers an IChatClient; none is by default.
        services.AddSingleton<IReplyPhraser>(sp => sp.GetService<IChatClient>() is { } chat ? new ChatClientReplyPhraser(chat) : new TemplateReplyPhraser());

        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<ProductListedConsumer>();
            bus.AddConsumer<ProductUpdatedConsumer>();
            bus.AddConsumer<ReviewPostedConsumer>();
            bus.AddConsumer<DialogResolvedByHumanConsumer>();
            bus.AddConsumer<OrderPlacedConsumer>();
        });
        return builder;
    }
}
