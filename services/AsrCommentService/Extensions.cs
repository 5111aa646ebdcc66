using Commerce.Asr.Consumers;
using Commerce.Asr.Domain.Audio;
using Commerce.Asr.Domain.LanguageModel;
using Commerce.Asr.Domain.Recognition;
using Commerce.Asr.Domain.Suggestions;
using Commerce.Asr.Live;
using Commerce.Asr.Storage;
using Commerce.ServiceDefaults.Messaging;
using Commerce.ServiceDefaults.Storage;

namespace Commerce.Asr;

public static class Extensions
{
    public const string ServiceName = "asr";

    public static IHostApplicationBuilder AddAsrCommentService(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AsrOptions.SectionName).Get<AsrOptions>() ?? new AsrOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new AsrStore(new SqliteDatabase(builder.DataFilePath("asr.db"), AsrStore.Schema)));

        var engine = new PocketSphinxOptions { ModelDir = options.PocketSphinxModelDir };
        var dataDir = Path.GetDirectoryName(builder.DataFilePath("asr.db"))!;
        var phrases = HostPhraseFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "host-phrases.en.txt"));
        services.AddSingleton(engine);
        services.AddSingleton<ISpeechRecognizerFactory, PocketSphinxRecognizerFactory>();
        services.AddSingleton(new SessionModelCompiler(Path.Combine(dataDir, "lm"), engine.CmuDictPath, phrases));
        var sileroPath = ResolveArtifact(builder.Environment.ContentRootPath, options.SileroModelPath);
        // Loaded on the first audio stream: a service handling only text (SubmitTranscript) never needs it.
        services.AddSingleton(new Lazy<SileroModel>(() => new SileroModel(sileroPath)));

        services.AddSingleton(new BannedWordFilter(HostPhraseFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "banned-words.txt"))));
        services.AddSingleton<QuickCommentComposer>();
        services.AddSingleton(new RoomSuggestionBoard(options.MinSuggestionInterval));
        services.AddSingleton<RoomAccessPolicy>();
        services.AddSingleton<SessionCatalog>();
        services.AddSingleton<LiveTranscriptPipeline>();
        services.AddSingleton<AudioEngine>();
        services.AddHostedService<SuggestionSweeper>();

        builder.AddCommerceBus(ServiceName, bus =>
        {
            bus.AddConsumer<LiveSessionPlannedConsumer>();
            bus.AddConsumer<ProductListedConsumer>();
            bus.AddConsumer<LiveSessionEndedConsumer>();
        });
        return builder;
    }

    /// <summary>A path under eng/artifacts, found by walking up from the content root (absolute paths are kept).</summary>
    private static string ResolveArtifact(string contentRoot, string path)
    {
        if (Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "eng", "artifacts", path);
            if (File.Exists(candidate)) return candidate;
        }

        return Path.Combine(contentRoot, path);
    }
}
