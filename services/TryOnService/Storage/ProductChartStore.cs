using System.Text.Json;
using Commerce.IntegrationEvents.V1;
using Commerce.ServiceDefaults.Storage;

namespace Commerce.TryOn.Storage;

/// <summary>
/// The size charts of listed products, from ProductListed/ProductUpdated: a newer version replaces an older one, a stale
/// or repeated event changes nothing (its id is recorded in the same transaction as the change).
/// </summary>
public sealed class ProductChartStore(SqliteDatabase db)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS product_charts (product_id TEXT PRIMARY KEY, version INTEGER NOT NULL, chart TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY);
        """;

    /// <summary>Returns false when the event was seen before or its version is older than the one held.</summary>
    public bool Apply(Guid eventId, string productId, long version, IReadOnlyList<SizeChartRow> chart)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        using (var seen = connection.CreateCommand())
        {
            seen.Transaction = tx;
            seen.CommandText = "INSERT OR IGNORE INTO processed_events VALUES ($e)";
            seen.Parameters.AddWithValue("$e", eventId.ToString());
            if (seen.ExecuteNonQuery() == 0) return false;
        }

        using var upsert = connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = """
            INSERT INTO product_charts VALUES ($p, $v, $c)
            ON CONFLICT (product_id) DO UPDATE SET version = excluded.version, chart = excluded.chart WHERE excluded.version > product_charts.version
            """;
        upsert.Parameters.AddWithValue("$p", productId);
        upsert.Parameters.AddWithValue("$v", version);
        upsert.Parameters.AddWithValue("$c", JsonSerializer.Serialize(chart));
        var changed = upsert.ExecuteNonQuery() > 0;
        tx.Commit();
        return changed;
    }

    /// <summary>Null when the product was never listed; an empty list when it was listed without a size chart.</summary>
    public IReadOnlyList<SizeChartRow>? Find(string productId)
    {
        using var connection = db.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT chart FROM product_charts WHERE product_id = $p";
        command.Parameters.AddWithValue("$p", productId);
        return command.ExecuteScalar() is string json ? JsonSerializer.Deserialize<List<SizeChartRow>>(json) : null;
    }
}
