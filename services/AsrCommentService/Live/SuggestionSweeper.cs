using Commerce.Asr.Domain.Suggestions;

namespace Commerce.Asr.Live;

/// <summary>Withdraws suggestion sets whose moment has passed, checking four times a second.</summary>
public sealed class SuggestionSweeper(RoomSuggestionBoard board, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) board.Sweep(clock.GetUtcNow());
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }
}
