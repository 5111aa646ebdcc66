using Commerce.Reco.Consumers;
using Commerce.Reco.Domain;
using Commerce.Reco.Projection;
using Commerce.Reco.Storage;
using Commerce.Reco.Text;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;

namespace Commerce.Reco;

public static class Extensions
{
    public const string ServiceName = "reco";

    public static IHostApplicationBuilder AddRecoService(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RecoOptions>(builder.Configuration.GetSection(RecoOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        var dbPath = builder.DataFilePath("reco.db");
        builder.Services.AddSingleton(_ => new RecoStore(new SqliteDatabase(dbPath, RecoStore.Schema)));
        builder.Services.AddSingleton<ITextEncoder, MiniLmTextEncoder>();
        builder.Services.AddSingleton<IChineseTokenizer, JiebaTokenizer>();
        builder.Services.AddSingleton(sp => new ItemEmbedder(sp.GetRequiredService<ITextEncoder>()));
        builder.Services.AddSingleton(sp => new RecoEngine(sp.GetRequiredService<ItemEmbedder>(), sp.GetRequiredService<IChineseTokenizer>()));
        builder.Services.AddSingleton(sp =>
        {
            // The serving state is reloaded from the store before the first request or event is handled.
            var projection = new RecoProjection(sp.GetRequiredService<RecoStore>(), sp.GetRequiredService<RecoEngine>(), sp.GetRequiredService<ItemEmbedder>());
            projection.Load();
            return projection;
        });
        builder.Services.AddSingleton(new AnswerCache());
        builder.Services.AddHostedService<IndexRebuildWorker>();
        builder.Services.AddHostedService<RankerTrainingWorker>();

        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<ProductListedConsumer>();
            bus.AddConsumer<ProductUpdatedConsumer>();
            bus.AddConsumer<ClipPublishedConsumer>();
            bus.AddConsumer<LiveSessionPlannedConsumer>();
            bus.AddConsumer<UserInteractedConsumer>();
            bus.AddConsumer<TryOnCompletedConsumer>();
            bus.AddConsumer<OrderPlacedConsumer>();
        });
        return builder;
    }
}
