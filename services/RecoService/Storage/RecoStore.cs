using System.Text.Json;
using Commerce.Reco.Domain;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.Reco.Storage;

/// <summary>
/// The service's SQLite file: the projections it serves from (items, interactions), the processed-event ids that
/// make consumers idempotent, and cached text embeddings (by text) so a restart does not run MiniLM again.
/// The in-memory state is rebuilt from here on start.
/// </summary>
public sealed class RecoStore(SqliteDatabase db)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY, processed_at_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS items (item_id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS interactions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, user_id TEXT NOT NULL, item_id TEXT NOT NULL,
            action TEXT NOT NULL, scenario TEXT NOT NULL, at_ms INTEGER NOT NULL, watch_seconds REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS text_embeddings (text TEXT PRIMARY KEY, vector BLOB NOT NULL);
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records the event id and runs <paramref name="write"/> in one transaction; false if the id was seen before.</summary>
    public bool TryProcess(string eventId, Action<SqliteConnection, SqliteTransaction> write)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT OR IGNORE INTO processed_events (event_id, processed_at_ms) VALUES ($id, $at)";
            insert.Parameters.AddWithValue("$id", eventId);
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (insert.ExecuteNonQuery() == 0) return false;
        }

        write(connection, tx);
        tx.Commit();
        return true;
    }

    public static void SaveItem(SqliteConnection connection, SqliteTransaction tx, CatalogItem item)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO items (item_id, version, body) VALUES ($id, $v, $body)
            ON CONFLICT(item_id) DO UPDATE SET version = excluded.version, body = excluded.body WHERE excluded.version >= items.version
            """;
        command.Parameters.AddWithValue("$id", item.Id);
        command.Parameters.AddWithValue("$v", item.Version);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(item, Json));
        command.ExecuteNonQuery();
    }

    public static void SaveInteraction(SqliteConnection connection, SqliteTransaction tx, Interaction x)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO interactions (event_id, user_id, item_id, action, scenario, at_ms, watch_seconds)
            VALUES ($e, $u, $i, $a, $s, $t, $w)
            """;
        command.Parameters.AddWithValue("$e", x.EventId);
        command.Parameters.AddWithValue("$u", x.UserId);
        command.Parameters.AddWithValue("$i", x.ItemId);
        command.Parameters.AddWithValue("$a", InteractionActions.Name(x.Action));
        command.Parameters.AddWithValue("$s", Scenarios.Name(x.Scenario));
        command.Parameters.AddWithValue("$t", x.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$w", x.WatchSeconds);
        command.ExecuteNonQuery();
    }

    public List<CatalogItem> LoadItems()
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM items ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var list = new List<CatalogItem>();
        while (reader.Read()) list.Add(JsonSerializer.Deserialize<CatalogItem>(reader.GetString(0), Json)!);
        return list;
    }

    public List<Interaction> LoadInteractions()
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, user_id, item_id, action, scenario, at_ms, watch_seconds FROM interactions ORDER BY seq";
        using var reader = command.ExecuteReader();
        var list = new List<Interaction>();
        while (reader.Read())
        {
            InteractionActions.TryParse(reader.GetString(3), out var action);
            Scenarios.TryParse(reader.GetString(4), out var scenario);
            list.Add(new Interaction(reader.GetString(0), reader.GetString(1), reader.GetString(2), action, scenario,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), reader.GetDouble(6)));
        }

        return list;
    }

    public void SaveEmbeddings(IEnumerable<(string Text, float[] Vector)> embeddings)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        foreach (var (text, vector) in embeddings)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT OR REPLACE INTO text_embeddings (text, vector) VALUES ($t, $v)";
            command.Parameters.AddWithValue("$t", text);
            var bytes = new byte[vector.Length * sizeof(float)];
            Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
            command.Parameters.AddWithValue("$v", bytes);
            command.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public List<(string Text, float[] Vector)> LoadEmbeddings()
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text, vector FROM text_embeddings";
        using var reader = command.ExecuteReader();
        var list = new List<(string, float[])>();
        while (reader.Read())
        {
            var bytes = (byte[])reader[1];
            var v = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes, 0, v, 0, bytes.Length);
            list.Add((reader.GetString(0), v));
        }

        return list;
    }
}
