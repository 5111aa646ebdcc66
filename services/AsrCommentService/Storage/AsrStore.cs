using System.Text.Json;
using Commerce.Asr.Domain.Cues;
using Commerce.Asr.Domain.Sessions;
using Commerce.IntegrationEvents.V1;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.Asr.Storage;

/// <summary>The service's own SQLite file: planned sessions, product facts, final segments and their cues, and the ids of
/// events already consumed (a redelivered event changes nothing twice).</summary>
public sealed class AsrStore(SqliteDatabase db)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL, room_id TEXT NOT NULL,
            language TEXT NOT NULL, lineup_json TEXT NOT NULL, script_json TEXT NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS sessions_room ON sessions(room_id);
        CREATE TABLE IF NOT EXISTS products (product_id TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS segments (session_id TEXT NOT NULL, seq INTEGER NOT NULL, segment_id TEXT NOT NULL,
            start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, text TEXT NOT NULL, language TEXT NOT NULL, product_id TEXT,
            confidence REAL NOT NULL, PRIMARY KEY (session_id, seq));
        CREATE TABLE IF NOT EXISTS cues (cue_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, seq INTEGER NOT NULL,
            segment_id TEXT NOT NULL, product_id TEXT, end_ms INTEGER NOT NULL, language TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS cues_session ON cues(session_id, seq);
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs <paramref name="apply"/> once per event id, in one transaction with the id's record.</summary>
    public bool ApplyOnce(Guid eventId, Action<SqliteConnection, SqliteTransaction> apply)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR IGNORE INTO processed_events(event_id) VALUES ($id)";
            cmd.Parameters.AddWithValue("$id", eventId.ToString());
            if (cmd.ExecuteNonQuery() == 0) return false;
        }

        apply(c, tx);
        tx.Commit();
        return true;
    }

    public static void UpsertSession(SqliteConnection c, SqliteTransaction tx, LiveSession s)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO sessions(session_id, merchant_id, room_id, language, lineup_json, script_json, ended)
            VALUES ($id, $m, $r, $l, $lu, $sc, $e)
            ON CONFLICT(session_id) DO UPDATE SET merchant_id=$m, room_id=$r, language=$l, lineup_json=$lu, script_json=$sc
            """;
        cmd.Parameters.AddWithValue("$id", s.SessionId);
        cmd.Parameters.AddWithValue("$m", s.MerchantId);
        cmd.Parameters.AddWithValue("$r", s.RoomId);
        cmd.Parameters.AddWithValue("$l", s.Language);
        cmd.Parameters.AddWithValue("$lu", JsonSerializer.Serialize(s.Lineup, Json));
        cmd.Parameters.AddWithValue("$sc", JsonSerializer.Serialize(s.Script, Json));
        cmd.Parameters.AddWithValue("$e", s.Ended ? 1 : 0);
        cmd.ExecuteNonQuery();
    }

    public static void MarkEnded(SqliteConnection c, SqliteTransaction tx, string sessionId)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE sessions SET ended = 1 WHERE session_id = $id";
        cmd.Parameters.AddWithValue("$id", sessionId);
        cmd.ExecuteNonQuery();
    }

    public static void UpsertProduct(SqliteConnection c, SqliteTransaction tx, ProductFacts p)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO products(product_id, json) VALUES ($id, $j) ON CONFLICT(product_id) DO UPDATE SET json=$j";
        cmd.Parameters.AddWithValue("$id", p.ProductId);
        cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(p, Json));
        cmd.ExecuteNonQuery();
    }

    public LiveSession? FindSession(string sessionId) => QuerySessions("session_id = $v", sessionId).FirstOrDefault();

    /// <summary>The latest session planned for a room.</summary>
    public LiveSession? FindSessionByRoom(string roomId) => QuerySessions("room_id = $v", roomId).LastOrDefault();

    public IReadOnlyList<ProductFacts> Products(IEnumerable<string> productIds)
    {
        var result = new List<ProductFacts>();
        using var c = db.Open();
        foreach (var id in productIds.Distinct())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT json FROM products WHERE product_id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            if (cmd.ExecuteScalar() is string json) result.Add(JsonSerializer.Deserialize<ProductFacts>(json, Json)!);
        }

        return result;
    }

    /// <summary>Appends a final segment and its cues; returns the segment's sequence number in the session.</summary>
    public long AppendSegment(StoredSegment segment, IReadOnlyList<(string CueId, DetectedCue Cue)> cues)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        long seq;
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT COALESCE(MAX(seq), -1) + 1 FROM segments WHERE session_id = $s";
            cmd.Parameters.AddWithValue("$s", segment.SessionId);
            seq = (long)cmd.ExecuteScalar()!;
        }

        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO segments(session_id, seq, segment_id, start_ms, end_ms, text, language, product_id, confidence)
                VALUES ($s, $q, $id, $st, $en, $t, $l, $p, $c)
                """;
            cmd.Parameters.AddWithValue("$s", segment.SessionId);
            cmd.Parameters.AddWithValue("$q", seq);
            cmd.Parameters.AddWithValue("$id", segment.SegmentId);
            cmd.Parameters.AddWithValue("$st", segment.StartMs);
            cmd.Parameters.AddWithValue("$en", segment.EndMs);
            cmd.Parameters.AddWithValue("$t", segment.Text);
            cmd.Parameters.AddWithValue("$l", segment.Language);
            cmd.Parameters.AddWithValue("$p", (object?)segment.ProductId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$c", segment.Confidence);
            cmd.ExecuteNonQuery();
        }

        foreach (var (cueId, cue) in cues)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO cues(cue_id, session_id, seq, segment_id, product_id, end_ms, language, json) VALUES ($id, $s, $q, $seg, $p, $e, $l, $j)";
            cmd.Parameters.AddWithValue("$id", cueId);
            cmd.Parameters.AddWithValue("$s", segment.SessionId);
            cmd.Parameters.AddWithValue("$q", seq);
            cmd.Parameters.AddWithValue("$seg", segment.SegmentId);
            cmd.Parameters.AddWithValue("$p", (object?)segment.ProductId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$e", segment.EndMs);
            cmd.Parameters.AddWithValue("$l", segment.Language);
            cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(cue, Json));
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return seq;
    }

    /// <summary>Segments with seq >= <paramref name="fromSeq"/>, at most <paramref name="limit"/>, and their cues.</summary>
    public (IReadOnlyList<StoredSegment> Segments, IReadOnlyList<StoredCue> Cues) Transcript(string sessionId, long fromSeq, int limit)
    {
        var segments = new List<StoredSegment>();
        var cues = new List<StoredCue>();
        using var c = db.Open();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT seq, segment_id, start_ms, end_ms, text, language, product_id, confidence FROM segments WHERE session_id = $s AND seq >= $f ORDER BY seq LIMIT $n";
            cmd.Parameters.AddWithValue("$s", sessionId);
            cmd.Parameters.AddWithValue("$f", fromSeq);
            cmd.Parameters.AddWithValue("$n", limit);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                segments.Add(new StoredSegment(sessionId, r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetDouble(7)) { Sequence = r.GetInt64(0) });
        }

        if (segments.Count == 0) return (segments, cues);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT cue_id, segment_id, product_id, end_ms, language, json FROM cues WHERE session_id = $s AND seq BETWEEN $a AND $b ORDER BY seq";
            cmd.Parameters.AddWithValue("$s", sessionId);
            cmd.Parameters.AddWithValue("$a", segments[0].Sequence);
            cmd.Parameters.AddWithValue("$b", segments[^1].Sequence);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                cues.Add(new StoredCue(r.GetString(0), sessionId, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), r.GetString(4), JsonSerializer.Deserialize<DetectedCue>(r.GetString(5), Json)!));
        }

        return (segments, cues);
    }

    private List<LiveSession> QuerySessions(string where, string value)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT session_id, merchant_id, room_id, language, lineup_json, script_json, ended FROM sessions WHERE {where} ORDER BY rowid";
        cmd.Parameters.AddWithValue("$v", value);
        using var r = cmd.ExecuteReader();
        var list = new List<LiveSession>();
        while (r.Read())
        {
            list.Add(new LiveSession
            {
                SessionId = r.GetString(0), MerchantId = r.GetString(1), RoomId = r.GetString(2), Language = r.GetString(3),
                Lineup = JsonSerializer.Deserialize<List<LineupEntry>>(r.GetString(4), Json) ?? [],
                Script = JsonSerializer.Deserialize<List<ScriptLine>>(r.GetString(5), Json) ?? [],
                Ended = r.GetInt32(6) == 1,
            });
        }

        return list;
    }
}

public sealed record StoredSegment(string SessionId, string SegmentId, int StartMs, int EndMs, string Text, string Language, string? ProductId, double Confidence)
{
    public long Sequence { get; init; }
}

public sealed record StoredCue(string CueId, string SessionId, string SegmentId, string? ProductId, int EndMs, string Language, DetectedCue Cue);
