using System.Text.Json;
using System.Text.Json.Serialization;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.CsAgent.Storage;

/// <summary>
/// The service's own SQLite file. Knowledge sources (listings, reviews, resolved dialogs) are kept raw and mined again
/// on start, so a better miner needs no migration; conversations, refund cases and orders are JSON documents keyed by
/// id with the columns the service queries by.
/// </summary>
public sealed class CsAgentDatabase(string filePath)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY, processed_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS products (product_id TEXT PRIMARY KEY, version INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS reviews (review_id TEXT PRIMARY KEY, product_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS resolved_dialogs (dialog_id TEXT PRIMARY KEY, product_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS orders (order_id TEXT PRIMARY KEY, buyer_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS orders_by_buyer ON orders (buyer_id);
        CREATE TABLE IF NOT EXISTS conversations (conversation_id TEXT PRIMARY KEY, buyer_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS ask_requests (buyer_id TEXT NOT NULL, request_id TEXT NOT NULL, conversation_id TEXT NOT NULL, turn_id TEXT NOT NULL,
            PRIMARY KEY (buyer_id, request_id));
        CREATE TABLE IF NOT EXISTS refund_cases (refund_request_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, buyer_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS refund_cases_by_order ON refund_cases (order_id);
        CREATE TABLE IF NOT EXISTS refund_requests (buyer_id TEXT NOT NULL, request_id TEXT NOT NULL, refund_request_id TEXT NOT NULL, PRIMARY KEY (buyer_id, request_id));
        CREATE TABLE IF NOT EXISTS refused_actions (id INTEGER PRIMARY KEY AUTOINCREMENT, buyer_id TEXT NOT NULL, order_id TEXT NOT NULL, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS evidence (evidence_id TEXT PRIMARY KEY, buyer_id TEXT NOT NULL, request_id TEXT, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS evidence_hashes (evidence_id TEXT NOT NULL, image_index INTEGER NOT NULL, hash INTEGER NOT NULL, PRIMARY KEY (evidence_id, image_index));
        CREATE TABLE IF NOT EXISTS product_image_references (product_id TEXT NOT NULL, reference_id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (product_id, reference_id));
        """;

    private readonly SqliteDatabase _db = new(filePath, Schema);

    public SqliteConnection Open() => _db.Open();

    public void Execute(string sql, params (string Name, object? Value)[] args)
    {
        using var c = Open();
        using var cmd = Command(c, sql, args);
        cmd.ExecuteNonQuery();
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var c = Open();
        using var cmd = Command(c, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    public static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    /// <summary>Marks an event processed; false when it was already (a redelivery), so the consumer changes nothing.</summary>
    public bool TryMarkProcessed(Guid eventId)
    {
        using var c = Open();
        using var cmd = Command(c, "INSERT OR IGNORE INTO processed_events (event_id, processed_at) VALUES ($id, $at)",
            ("$id", eventId.ToString()), ("$at", DateTimeOffset.UtcNow.ToString("O")));
        return cmd.ExecuteNonQuery() == 1;
    }

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
