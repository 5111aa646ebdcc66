using System.Text.Json;
using Commerce.Clip.Storage;
using Commerce.IntegrationEvents.V1;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Commerce.Clip.Jobs;

/// <summary>
/// The background worker: at start it requeues jobs a killed process left mid-way; then it publishes the outbox and runs
/// due jobs one at a time (cutting uses both cores), woken by new jobs or its poll interval. A job that throws never
/// stops the worker.
/// </summary>
public sealed class ClipJobWorker(IServiceScopeFactory scopes, ClipStore store, JobSignal signal, IOptions<ClipOptions> options,
    TimeProvider clock, ILogger<ClipJobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeued = store.RequeueInterrupted(clock.GetUtcNow());
        if (requeued > 0) logger.LogInformation("requeued {Count} interrupted jobs", requeued);
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishOutboxAsync(stoppingToken);
                foreach (var job in store.DueJobs(clock.GetUtcNow(), 10))
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<ClipJobProcessor>().ProcessAsync(job, stoppingToken);
                    await PublishOutboxAsync(stoppingToken);
                }

                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "clip worker loop failed; continuing");
                await signal.WaitAsync(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PublishOutboxAsync(CancellationToken cancellationToken)
    {
        var pending = store.PendingOutbox(100);
        if (pending.Count == 0) return;
        using var scope = scopes.CreateScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        foreach (var (id, json) in pending)
        {
            await publisher.Publish(JsonSerializer.Deserialize<ClipPublished>(json)!, cancellationToken);
            store.DeleteOutbox(id);
        }
    }
}
