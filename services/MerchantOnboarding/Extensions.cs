using Commerce.Onboarding.Consumers;
using Commerce.Onboarding.Domain.Advisor;
using Commerce.Onboarding.Domain.Live;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Storage;
using Commerce.Onboarding.Workers;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;

namespace Commerce.Onboarding;

public static class Extensions
{
    public const string ServiceName = "onboarding";

    public static IHostApplicationBuilder AddMerchantOnboarding(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OnboardingRules>(builder.Configuration.GetSection(OnboardingRules.SectionName));
        builder.Services.Configure<LibrarySettings>(builder.Configuration.GetSection(LibrarySettings.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);

        var file = builder.DataFilePath("onboarding.db");
        builder.Services.AddSingleton(_ => new OnboardingDatabase(file));
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<OnboardingSagaStore>();
        builder.Services.AddSingleton<LibraryStore>();
        builder.Services.AddSingleton<ListingStore>();
        builder.Services.AddSingleton<LiveSessionStore>();
        builder.Services.AddSingleton<ReportStore>();

        builder.Services.AddSingleton(_ => BannedClaims.LoadDefault());
        builder.Services.AddSingleton<LiveScriptWriter>();
        builder.Services.AddSingleton<TextTokenizer>();
        builder.Services.AddSingleton(sp => PolicyAdvisor.LoadDefault(sp.GetRequiredService<TextTokenizer>()));

        builder.Services.AddSingleton<LibrarySeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LibrarySeeder>());
        builder.Services.AddHealthChecks().AddCheck<LibrarySeeder>("library");
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxPublisher>());
        builder.Services.AddHostedService<OnboardingSagaWorker>();

        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<OrderPlacedConsumer>();
            bus.AddConsumer<ClipPublishedConsumer>();
            bus.AddConsumer<LiveSessionEndedConsumer>();
            bus.AddConsumer<BudgetExhaustedConsumer>();
        });
        return builder;
    }
}
