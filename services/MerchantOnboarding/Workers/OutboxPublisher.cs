using System.Text.Json;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Commerce.Onboarding.Workers;

/// <summary>
/// Publishes outbox rows in commit order and marks each sent. At-least-once: a crash between publishing and marking
/// re-publishes the row with its original EventId on restart, which every consumer of the fleet deduplicates on.
/// </summary>
public sealed class OutboxPublisher(OnboardingDatabase db, Outbox outbox, IBus bus, TimeProvider time,
    IOptions<OnboardingRules> rules, ILogger<OutboxPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(rules.Value.WorkerIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The broker may be down or still starting: rows stay unsent and are retried on the next tick.
                logger.LogWarning(ex, "outbox publish failed; retrying");
            }

            try { await outbox.Signal.WaitAsync(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, string Type, string Body)>();
        using (var connection = db.Open())
        using (var command = connection.Command("SELECT seq, message_type, body FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 100", null))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        if (rows.Count == 0) return 0;
        long lastPublished = 0;
        try
        {
            foreach (var (seq, typeName, body) in rows)
            {
                var type = Outbox.ResolveType(typeName);
                var message = JsonSerializer.Deserialize(body, type, Outbox.Json)!;
                await bus.Publish(message, type, cancellationToken);
                lastPublished = seq;
            }
        }
        finally
        {
            // One durable commit per batch rather than per row: under a burst the per-row fsync was the publisher's
            // bottleneck. A crash before this commit re-publishes at most one batch, with the same EventIds.
            if (lastPublished > 0)
            {
                using var connection = db.Open();
                connection.Exec("UPDATE outbox SET sent_at=$at WHERE sent_at IS NULL AND seq<=$s", null,
                    ("$at", Sql.Ms(time.GetUtcNow())), ("$s", lastPublished));
            }
        }

        return rows.Count;
    }
}
