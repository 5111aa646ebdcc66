using Commerce.Inference.Domain;
using Commerce.Inference.Hosting;

namespace Commerce.Inference;

public static class Extensions
{
    public const string ServiceName = "inference";

    public static IHostApplicationBuilder AddInferenceHost(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(InferenceOptions.SectionName).Get<InferenceOptions>() ?? new InferenceOptions();
        var repository = ResolveRepository(options.ModelRepository, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<InferenceMetrics>();
        builder.Services.AddSingleton(sp => new ModelCatalog(options, repository, sp.GetRequiredService<InferenceMetrics>(),
            sp.GetRequiredService<ILogger<ModelCatalog>>()));
        builder.Services.AddHostedService<ModelLoader>();
        builder.Services.AddHealthChecks().AddCheck<ModelsHealthCheck>("models");
        return builder;
    }

    // A relative repository is the developer layout (eng/artifacts/model-repository under the repository root); a pod
    // mounts an absolute path.
    private static string ResolveRepository(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured)) return configured;
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Commerce.Aspire.sln"))) return Path.Combine(dir.FullName, configured);
            }
        }

        return Path.GetFullPath(configured, contentRoot);
    }
}
