using Commerce.Clip.Consumers;
using Commerce.Clip.Domain;
using Commerce.Clip.Jobs;
using Commerce.Clip.Media;
using Commerce.Clip.Inference;
using Commerce.Clip.Storage;
using Commerce.InferenceClient;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;

namespace Commerce.Clip;

public static class Extensions
{
    public const string ServiceName = "clip";

    public static IHostApplicationBuilder AddClipService(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ClipOptions>(builder.Configuration.GetSection(ClipOptions.SectionName));
        var options = builder.Configuration.GetSection(ClipOptions.SectionName).Get<ClipOptions>() ?? new ClipOptions();
        var dataDir = Path.GetDirectoryName(builder.DataFilePath("clip.db"))!;
        var blobRoot = Path.IsPathRooted(options.BlobRoot) ? options.BlobRoot : Path.Combine(dataDir, options.BlobRoot);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new SqliteDatabase(builder.DataFilePath("clip.db"), ClipStore.Schema));
        builder.Services.AddSingleton<ClipStore>();
        builder.Services.AddSingleton(new BlobStore(blobRoot));
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddSingleton<ClipJobs>();
        builder.Services.AddInferenceClient(deadline: TimeSpan.FromMilliseconds(options.InferenceDeadlineMs));
        // Per job (ClipJobProcessor is scoped), so the typed gRPC client under it follows HttpClientFactory's handler rotation.
        builder.Services.AddTransient<IClipScorer, InferenceClipScorer>();
        builder.Services.AddSingleton<IVisualFeatureSource, NoVisualFeatureSource>();
        builder.Services.AddScoped<ClipJobProcessor>();
        builder.Services.AddHostedService<ClipJobWorker>();

        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<LiveTranscriptSegmentConsumer>();
            bus.AddConsumer<LiveSessionEndedConsumer>();
            bus.AddConsumer<LiveSessionPlannedConsumer>();
        });
        return builder;
    }
}
