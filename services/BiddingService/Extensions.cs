using Commerce.Bidding.Consumers;
using Commerce.Bidding.Domain;
using Commerce.Bidding.Storage;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;
using MassTransit;

namespace Commerce.Bidding;

public static class Extensions
{
    public const string ServiceName = "bidding";

    public static IHostApplicationBuilder AddBiddingService(this IHostApplicationBuilder builder)
    {
        // Bidding:DatabasePath points several replicas at one shared file (the reward cap and the budget hold across them).
        var path = builder.Configuration["Bidding:DatabasePath"] is { Length: > 0 } shared ? shared : builder.DataFilePath("bidding.db");
        var ttl = TimeSpan.FromSeconds(builder.Configuration.GetValue("Bidding:ReservationSeconds", 60));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SqliteDatabase(path, BiddingStore.Schema));
        builder.Services.AddSingleton<BiddingStore>();
        builder.Services.AddSingleton<RewardLedger>();
        builder.Services.AddSingleton(new PacingSettings());
        builder.Services.AddSingleton(sp => new CampaignBook(sp.GetRequiredService<BiddingStore>(), sp.GetRequiredService<RewardLedger>(),
            sp.GetRequiredService<PacingSettings>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IPublishEndpoint>(), ttl));
        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<ConversionRecordedConsumer>();
            bus.AddConsumer<MerchantProgrammeGrantedConsumer>();
            bus.AddConsumer<ClipPublishedConsumer>();
            bus.AddConsumer<LiveSessionPlannedConsumer>();
        });
        return builder;
    }
}
