using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.TryOn.Storage;

public sealed record StoredResult(string ResultId, string OwnerId, string? ProductId, byte[] Image, string ContentType, int Width, int Height,
    int GarmentClass, double GarmentConfidence, double PoseConfidence, string WarningsJson, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Try-on results and the photos they were made from, the buyer's alone: every read is by (owner, id), an expired row
/// reads as absent and is swept, and deletion removes the photos with the result.
/// </summary>
public sealed class TryOnStore(SqliteDatabase db, TimeProvider clock)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS results (
          result_id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, request_id TEXT NOT NULL, product_id TEXT,
          image BLOB NOT NULL, content_type TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,
          garment_class INTEGER NOT NULL, garment_confidence REAL NOT NULL, pose_confidence REAL NOT NULL,
          warnings TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
          UNIQUE (owner_id, request_id));
        CREATE TABLE IF NOT EXISTS photos (
          result_id TEXT NOT NULL REFERENCES results(result_id) ON DELETE CASCADE, kind TEXT NOT NULL, data BLOB NOT NULL,
          PRIMARY KEY (result_id, kind));
        CREATE INDEX IF NOT EXISTS results_expiry ON results(expires_at);
        """;

    public void Save(StoredResult r, string requestId, byte[] personPhoto, byte[]? garmentPhoto)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO results VALUES ($id, $owner, $req, $product, $image, $ct, $w, $h, $gc, $gconf, $pconf, $warn, $created, $expires)
                """;
            cmd.Parameters.AddWithValue("$id", r.ResultId);
            cmd.Parameters.AddWithValue("$owner", r.OwnerId);
            cmd.Parameters.AddWithValue("$req", requestId);
            cmd.Parameters.AddWithValue("$product", (object?)r.ProductId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$image", r.Image);
            cmd.Parameters.AddWithValue("$ct", r.ContentType);
            cmd.Parameters.AddWithValue("$w", r.Width);
            cmd.Parameters.AddWithValue("$h", r.Height);
            cmd.Parameters.AddWithValue("$gc", r.GarmentClass);
            cmd.Parameters.AddWithValue("$gconf", r.GarmentConfidence);
            cmd.Parameters.AddWithValue("$pconf", r.PoseConfidence);
            cmd.Parameters.AddWithValue("$warn", r.WarningsJson);
            cmd.Parameters.AddWithValue("$created", r.CreatedAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$expires", r.ExpiresAt.ToUnixTimeMilliseconds());
            cmd.ExecuteNonQuery();
        }

        foreach (var (kind, data) in new[] { ("person", personPhoto), ("garment", garmentPhoto) })
        {
            if (data is null) continue;
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO photos VALUES ($id, $kind, $data)";
            cmd.Parameters.AddWithValue("$id", r.ResultId);
            cmd.Parameters.AddWithValue("$kind", kind);
            cmd.Parameters.AddWithValue("$data", data);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public StoredResult? Find(string ownerId, string resultId) => Query("result_id = $key", ownerId, resultId);

    public StoredResult? FindByRequest(string ownerId, string requestId) => Query("request_id = $key", ownerId, requestId);

    public int Delete(string ownerId, IReadOnlyList<string>? resultIds)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        if (resultIds is null)
        {
            cmd.CommandText = "DELETE FROM results WHERE owner_id = $owner";
        }
        else
        {
            var names = resultIds.Select((_, i) => "$r" + i).ToList();
            cmd.CommandText = $"DELETE FROM results WHERE owner_id = $owner AND result_id IN ({string.Join(",", names)})";
            for (var i = 0; i < resultIds.Count; i++) cmd.Parameters.AddWithValue(names[i], resultIds[i]);
        }

        cmd.Parameters.AddWithValue("$owner", ownerId);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Deletes results (and their photos) past expiry; the reads already hide them.</summary>
    public int SweepExpired()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM results WHERE expires_at <= $now";
        cmd.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        return cmd.ExecuteNonQuery();
    }

    public int PhotoCount(string resultId)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM photos WHERE result_id = $id";
        cmd.Parameters.AddWithValue("$id", resultId);
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private StoredResult? Query(string where, string ownerId, string key)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT result_id, owner_id, product_id, image, content_type, width, height, garment_class, garment_confidence, pose_confidence, warnings, created_at, expires_at FROM results WHERE owner_id = $owner AND {where} AND expires_at > $now";
        cmd.Parameters.AddWithValue("$owner", ownerId);
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new StoredResult(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), (byte[])r[3], r.GetString(4), r.GetInt32(5), r.GetInt32(6),
            r.GetInt32(7), r.GetDouble(8), r.GetDouble(9), r.GetString(10),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(12)));
    }
}
