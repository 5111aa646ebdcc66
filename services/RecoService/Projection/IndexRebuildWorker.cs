using Commerce.Reco.Domain;
using Commerce.Reco.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Reco.Projection;

public sealed class RecoOptions
{
    public const string SectionName = "Reco";
    /// <summary>How often the snapshot (Swing, ANN, related categories) is rebuilt when events arrived.</summary>
    public TimeSpan RebuildInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the ranker is retrained on the logged interactions.</summary>
    public TimeSpan TrainInterval { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Interactions logged before the learned ranker replaces the heuristic one.</summary>
    public int MinInteractionsToTrain { get; set; } = 2000;
}

/// <summary>
/// Keeps the snapshot fresh: profiles change per event, but Swing, the ANN index and the category graph are rebuilt
/// here every few seconds when something changed (a rebuild costs seconds at 100k items, too much per event).
/// </summary>
public sealed class IndexRebuildWorker(RecoProjection projection, IOptions<RecoOptions> options, ILogger<IndexRebuildWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RebuildInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (projection.Engine.ChangesSinceRebuild == 0) continue;
            try { projection.Engine.Rebuild(DateTimeOffset.UtcNow); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "snapshot rebuild failed; the previous one keeps serving"); }
        }
    }
}

/// <summary>Retrains the learned ranker from the store in the background; until then the heuristic ranker serves.</summary>
public sealed class RankerTrainingWorker(RecoProjection projection, RecoStore store, ItemEmbedder embedder, Domain.IChineseTokenizer chinese,
    IOptions<RecoOptions> options, ILogger<RankerTrainingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var trainedOn = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var log = store.LoadInteractions();
                if (log.Count >= options.Value.MinInteractionsToTrain && log.Count > trainedOn * 1.1)
                {
                    var (ranker, rows, share) = await Task.Run(() => RankerTraining.Train(store.LoadItems(), log, embedder, chinese), stoppingToken);
                    if (ranker is not null) projection.Engine.Ranker = ranker;
                    trainedOn = log.Count;
                    logger.LogInformation("ranker trained on {Rows} rows ({Share:P1} positive) from {Interactions} interactions", rows, share, log.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "ranker training failed; the current ranker keeps serving"); }

            await Task.Delay(options.Value.TrainInterval, stoppingToken);
        }
    }
}
