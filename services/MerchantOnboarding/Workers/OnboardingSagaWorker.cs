using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Storage;
using Microsoft.Extensions.Options;

namespace Commerce.Onboarding.Workers;

/// <summary>
/// Drives the saga's asynchronous steps from the store, never from memory: opening trial stores for verified
/// applications and expiring stale ones (the broker has no delayed-message plugin, so timeouts are a sweep over
/// expire_at with the injected TimeProvider). After a crash the next sweep finds the same due rows.
/// </summary>
public sealed class OnboardingSagaWorker(OnboardingSagaStore saga, IOptions<OnboardingRules> rules, ILogger<OnboardingSagaWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time paces the sweep; the saga's own clock (TimeProvider) decides what is due, so tests move it freely.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(rules.Value.WorkerIntervalMs));
        do
        {
            try
            {
                var opened = saga.OpenTrialStores();
                var expired = saga.ExpireDue();
                if (opened + expired > 0) logger.LogInformation("saga sweep: {Opened} trial stores opened, {Expired} applications expired", opened, expired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "saga sweep failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
