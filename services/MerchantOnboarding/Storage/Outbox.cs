using System.Text.Json;
using Commerce.IntegrationEvents.V1;
using Microsoft.Data.Sqlite;

namespace Commerce.Onboarding.Storage;

/// <summary>
/// The transactional outbox: an event is a row written in the same SQLite transaction as the state change it reports,
/// so a committed change always has its event and a rolled-back one never does. <see cref="Workers.OutboxPublisher"/>
/// sends rows in order and marks them sent; a crash after sending and before marking re-sends the row with the same
/// EventId, which consumers deduplicate on.
/// </summary>
public sealed class Outbox(TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Pulsed after a commit that wrote rows, so the publisher does not wait for its next tick.</summary>
    public SemaphoreSlim Signal { get; } = new(0, int.MaxValue);

    public void Enqueue(SqliteConnection connection, SqliteTransaction transaction, IntegrationEvent message)
    {
        connection.Exec("INSERT INTO outbox (event_id, message_type, body, created_at) VALUES ($id, $type, $body, $at)", transaction,
            ("$id", message.EventId.ToString()), ("$type", message.GetType().FullName),
            ("$body", JsonSerializer.Serialize(message, message.GetType(), Json)), ("$at", Sql.Ms(time.GetUtcNow())));
    }

    public void Wake()
    {
        if (Signal.CurrentCount == 0) Signal.Release();
    }

    public static Type ResolveType(string name) =>
        typeof(IntegrationEvent).Assembly.GetType(name, throwOnError: true)!;
}
