using Commerce.Inference.Domain;

namespace Commerce.Inference.Hosting;

/// <summary>Loads and warms up the repository in the background: the pod is live at once and ready when every model was tried.</summary>
public sealed class ModelLoader(ModelCatalog catalog, ILogger<ModelLoader> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            catalog.LoadAll();
        }
        catch (Exception ex)
        {
            // A repository that cannot even be listed still leaves a live pod that reports why it serves nothing.
            logger.LogError(ex, "Model repository {Repository} could not be read", catalog.RepositoryPath);
        }
    }, stoppingToken);
}
