using Commerce.InferenceClient;
using Commerce.TryOn.Consumers;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;
using Commerce.TryOn.Domain.Body;
using Commerce.TryOn.Domain.Pipeline;
using Commerce.TryOn.Domain.Sizing;
using Commerce.TryOn.Inference;
using Commerce.TryOn.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Commerce.TryOn;

public static class Extensions
{
    public const string ServiceName = "tryon";

    public static IHostApplicationBuilder AddTryOnService(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<TryOnSettings>(builder.Configuration.GetSection(TryOnSettings.SectionName));
        var dbPath = builder.DataFilePath("tryon.db");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SqliteDatabase(dbPath, TryOnStore.Schema + ProductChartStore.Schema));
        builder.Services.AddSingleton(sp => new TryOnStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ProductChartStore>();
        builder.Services.AddSingleton<SizeAdvisor>();
        builder.Services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<TryOnSettings>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            var dir = Path.IsPathRooted(settings.ModelsDir) ? settings.ModelsDir : Path.Combine(env.ContentRootPath, settings.ModelsDir);
            return new BodyAnalyzer(
                new PersonSegmenter(Path.Combine(dir, "selfie_segmentation.tflite")),
                new PoseEstimator(Path.Combine(dir, settings.PoseModel)));
        });
        builder.Services.AddInferenceClient(deadline: TimeSpan.FromSeconds(10));
        builder.Services.TryAddSingleton<IGarmentClassifier, InferenceGarmentClassifier>();
        builder.Services.TryAddSingleton<ITryOnComposer, InferenceTryOnComposer>();
        builder.Services.AddSingleton<TryOnPipeline>();
        builder.Services.AddHostedService<ExpirySweeper>();
        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<ProductListedConsumer>();
            bus.AddConsumer<ProductUpdatedConsumer>();
        });
        return builder;
    }
}
