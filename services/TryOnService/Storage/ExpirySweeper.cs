using Microsoft.Extensions.Hosting;

namespace Commerce.TryOn.Storage;

/// <summary>Deletes expired results and photos every few minutes (reads already hide them the moment they expire).</summary>
public sealed class ExpirySweeper(TryOnStore store, ILogger<ExpirySweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        do
        {
            var n = store.SweepExpired();
            if (n > 0) log.LogInformation("deleted {Count} expired try-on results", n);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
