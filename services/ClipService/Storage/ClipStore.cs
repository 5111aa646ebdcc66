using System.Text.Json;
using Commerce.Clip.Domain;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.Clip.Storage;

/// <summary>
/// ClipService's own SQLite file: settings, sessions (from LiveSessionEnded), transcripts and products (from events),
/// jobs, clips, the processed-event table (idempotent consumers) and an outbox of ClipPublished written in the same
/// transaction as the clips, so a session's clips are published all together or not at all.
/// </summary>
public sealed class ClipStore(SqliteDatabase db)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS settings (merchant_id TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL, video_uri TEXT NOT NULL, duration_seconds INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS transcript (session_id TEXT NOT NULL, sequence INTEGER NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
            text TEXT NOT NULL, product_id TEXT, PRIMARY KEY (session_id, sequence));
        CREATE TABLE IF NOT EXISTS products (session_id TEXT NOT NULL, product_id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (session_id, product_id));
        CREATE TABLE IF NOT EXISTS jobs (job_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, merchant_id TEXT NOT NULL, state INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL, json TEXT NOT NULL, UNIQUE (merchant_id, session_id));
        CREATE INDEX IF NOT EXISTS jobs_pending ON jobs (state, next_attempt_at);
        CREATE TABLE IF NOT EXISTS clips (clip_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, merchant_id TEXT NOT NULL, kind INTEGER NOT NULL,
            published_at INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS clips_merchant ON clips (merchant_id, published_at DESC, clip_id);
        CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL);
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // ------------------------------------------------------------------ settings
    public AutoClippingSettings GetSettings(string merchantId)
    {
        using var c = db.Open();
        var json = Scalar<string>(c, "SELECT json FROM settings WHERE merchant_id = $m", ("$m", merchantId));
        return json is null ? AutoClippingSettings.Default(merchantId) : JsonSerializer.Deserialize<AutoClippingSettings>(json, Json)!;
    }

    public void PutSettings(AutoClippingSettings settings)
    {
        using var c = db.Open();
        Exec(c, null, "INSERT INTO settings (merchant_id, json) VALUES ($m, $j) ON CONFLICT (merchant_id) DO UPDATE SET json = excluded.json",
            ("$m", settings.MerchantId), ("$j", JsonSerializer.Serialize(settings, Json)));
    }

    // ------------------------------------------------------------------ events (idempotent)
    /// <summary>Runs <paramref name="apply"/> and records the event in one transaction; false if it was seen before.</summary>
    public bool ApplyOnce(Guid eventId, Action<SqliteConnection, SqliteTransaction> apply)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var inserted = Exec(c, tx, "INSERT OR IGNORE INTO processed_events (event_id) VALUES ($e)", ("$e", eventId.ToString()));
        if (inserted == 0) return false;
        apply(c, tx);
        tx.Commit();
        return true;
    }

    public static void PutSession(SqliteConnection c, SqliteTransaction tx, SessionRecord s) =>
        Exec(c, tx, """
            INSERT INTO sessions (session_id, merchant_id, video_uri, duration_seconds) VALUES ($s, $m, $v, $d)
            ON CONFLICT (session_id) DO UPDATE SET video_uri = excluded.video_uri, duration_seconds = excluded.duration_seconds
            """, ("$s", s.SessionId), ("$m", s.MerchantId), ("$v", s.VideoUri), ("$d", s.DurationSeconds));

    public static void PutTranscript(SqliteConnection c, SqliteTransaction tx, string sessionId, long sequence, TranscriptLine line) =>
        Exec(c, tx, """
            INSERT OR REPLACE INTO transcript (session_id, sequence, start_ms, end_ms, text, product_id) VALUES ($s, $q, $a, $b, $t, $p)
            """, ("$s", sessionId), ("$q", sequence), ("$a", line.StartMs), ("$b", line.EndMs), ("$t", line.Text), ("$p", line.ProductId));

    public static void PutProduct(SqliteConnection c, SqliteTransaction tx, string sessionId, ProductInfo product) =>
        Exec(c, tx, "INSERT OR REPLACE INTO products (session_id, product_id, json) VALUES ($s, $p, $j)",
            ("$s", sessionId), ("$p", product.ProductId), ("$j", JsonSerializer.Serialize(product, Json)));

    public SessionRecord? GetSession(string sessionId)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, "SELECT merchant_id, video_uri, duration_seconds FROM sessions WHERE session_id = $s", ("$s", sessionId));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new SessionRecord(sessionId, r.GetString(0), r.GetString(1), r.GetInt32(2)) : null;
    }

    public IReadOnlyList<TranscriptLine> GetTranscript(string sessionId)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, "SELECT start_ms, end_ms, text, product_id FROM transcript WHERE session_id = $s ORDER BY sequence", ("$s", sessionId));
        using var r = cmd.ExecuteReader();
        var lines = new List<TranscriptLine>();
        while (r.Read()) lines.Add(new TranscriptLine(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return lines;
    }

    public IReadOnlyList<ProductInfo> GetProducts(string sessionId)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, "SELECT json FROM products WHERE session_id = $s ORDER BY product_id", ("$s", sessionId));
        using var r = cmd.ExecuteReader();
        var list = new List<ProductInfo>();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<ProductInfo>(r.GetString(0), Json)!);
        return list;
    }

    // ------------------------------------------------------------------ jobs
    /// <summary>Inserts the job unless the merchant already has one for the session; returns the stored job.</summary>
    public (ClipJob Job, bool Created) CreateJob(ClipJob job, bool replaceExisting)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var existing = JobBySession(c, tx, job.MerchantId, job.SessionId);
        if (existing is not null && !replaceExisting) return (existing, false);
        if (existing is not null)
        {
            // Reprocessing keeps the job id (callers hold it) and starts over; the old clips are replaced on success.
            job = job with { JobId = existing.JobId, CreatedAt = existing.CreatedAt, ClipIds = existing.ClipIds };
        }

        WriteJob(c, tx, job);
        tx.Commit();
        return (job, true);
    }

    public string? JobIdOf(string merchantId, string sessionId)
    {
        using var c = db.Open();
        return Scalar<string>(c, "SELECT job_id FROM jobs WHERE merchant_id = $m AND session_id = $s", ("$m", merchantId), ("$s", sessionId));
    }

    public void UpdateJob(ClipJob job)
    {
        using var c = db.Open();
        WriteJob(c, null, job);
    }

    public ClipJob? GetJob(string jobId)
    {
        using var c = db.Open();
        var json = Scalar<string>(c, "SELECT json FROM jobs WHERE job_id = $j", ("$j", jobId));
        return json is null ? null : JsonSerializer.Deserialize<ClipJob>(json, Json);
    }

    /// <summary>Queued jobs due now, oldest first; a job waiting for InferenceHost is due again at NextAttemptAt.</summary>
    public IReadOnlyList<ClipJob> DueJobs(DateTimeOffset now, int limit)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, "SELECT json FROM jobs WHERE state = $q AND next_attempt_at <= $n ORDER BY next_attempt_at LIMIT $l",
            ("$q", (int)JobState.Queued), ("$n", now.ToUnixTimeMilliseconds()), ("$l", limit));
        using var r = cmd.ExecuteReader();
        var jobs = new List<ClipJob>();
        while (r.Read()) jobs.Add(JsonSerializer.Deserialize<ClipJob>(r.GetString(0), Json)!);
        return jobs;
    }

    /// <summary>Jobs a killed process left mid-way go back to the queue (their partial files are overwritten).</summary>
    public int RequeueInterrupted(DateTimeOffset now)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, "SELECT json FROM jobs WHERE state IN ($a, $b)", ("$a", (int)JobState.Scoring), ("$b", (int)JobState.Cutting));
        var jobs = new List<ClipJob>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) jobs.Add(JsonSerializer.Deserialize<ClipJob>(r.GetString(0), Json)!);
        }

        foreach (var j in jobs) WriteJob(c, null, j with { State = JobState.Queued, Progress = 0, NextAttemptAt = now, UpdatedAt = now });
        return jobs.Count;
    }

    /// <summary>
    /// The job's success in one transaction: the session's previous clips are removed, the new ones stored, the job
    /// marked SUCCEEDED and one ClipPublished per clip put in the outbox. Nothing of it is visible if any part fails.
    /// </summary>
    public void CompleteJob(ClipJob job, IReadOnlyList<PublishedClip> clips, IReadOnlyList<string> outboxMessages)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        foreach (var old in JobBySession(c, tx, job.MerchantId, job.SessionId)?.ClipIds ?? [])
        {
            Exec(c, tx, "DELETE FROM clips WHERE clip_id = $c", ("$c", old));
        }

        foreach (var clip in clips)
        {
            Exec(c, tx, "INSERT OR REPLACE INTO clips (clip_id, session_id, merchant_id, kind, published_at, json) VALUES ($c, $s, $m, $k, $p, $j)",
                ("$c", clip.ClipId), ("$s", clip.SessionId), ("$m", clip.MerchantId), ("$k", (int)clip.Kind),
                ("$p", clip.PublishedAt.ToUnixTimeMilliseconds()), ("$j", JsonSerializer.Serialize(clip, Json)));
        }

        foreach (var message in outboxMessages) Exec(c, tx, "INSERT INTO outbox (json) VALUES ($j)", ("$j", message));
        WriteJob(c, tx, job);
        tx.Commit();
    }

    // ------------------------------------------------------------------ clips
    public PublishedClip? GetClip(string clipId)
    {
        using var c = db.Open();
        var json = Scalar<string>(c, "SELECT json FROM clips WHERE clip_id = $c", ("$c", clipId));
        return json is null ? null : JsonSerializer.Deserialize<PublishedClip>(json, Json);
    }

    /// <summary>A merchant's clips, newest first; the page token is the offset (clips change only when a job completes).</summary>
    public IReadOnlyList<PublishedClip> ListClips(string merchantId, string? sessionId, ClipKind? kind, int offset, int limit)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, """
            SELECT json FROM clips WHERE merchant_id = $m AND ($s IS NULL OR session_id = $s) AND ($k IS NULL OR kind = $k)
            ORDER BY published_at DESC, clip_id LIMIT $l OFFSET $o
            """, ("$m", merchantId), ("$s", sessionId), ("$k", kind is null ? null : (int)kind), ("$l", limit), ("$o", offset));
        using var r = cmd.ExecuteReader();
        var list = new List<PublishedClip>();
        while (r.Read()) list.Add(JsonSerializer.Deserialize<PublishedClip>(r.GetString(0), Json)!);
        return list;
    }

    // ------------------------------------------------------------------ outbox
    public IReadOnlyList<(long Id, string Json)> PendingOutbox(int limit)
    {
        using var c = db.Open();
        using var cmd = Command(c, null, "SELECT id, json FROM outbox ORDER BY id LIMIT $l", ("$l", limit));
        using var r = cmd.ExecuteReader();
        var list = new List<(long, string)>();
        while (r.Read()) list.Add((r.GetInt64(0), r.GetString(1)));
        return list;
    }

    public void DeleteOutbox(long id)
    {
        using var c = db.Open();
        Exec(c, null, "DELETE FROM outbox WHERE id = $i", ("$i", id));
    }

    // ------------------------------------------------------------------ helpers
    private static ClipJob? JobBySession(SqliteConnection c, SqliteTransaction? tx, string merchantId, string sessionId)
    {
        using var cmd = Command(c, tx, "SELECT json FROM jobs WHERE merchant_id = $m AND session_id = $s", ("$m", merchantId), ("$s", sessionId));
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<ClipJob>(json, Json) : null;
    }

    private static void WriteJob(SqliteConnection c, SqliteTransaction? tx, ClipJob job) =>
        Exec(c, tx, """
            INSERT INTO jobs (job_id, session_id, merchant_id, state, next_attempt_at, json) VALUES ($j, $s, $m, $st, $n, $json)
            ON CONFLICT (job_id) DO UPDATE SET state = excluded.state, next_attempt_at = excluded.next_attempt_at, json = excluded.json
            """, ("$j", job.JobId), ("$s", job.SessionId), ("$m", job.MerchantId), ("$st", (int)job.State),
            ("$n", job.NextAttemptAt.ToUnixTimeMilliseconds()), ("$json", JsonSerializer.Serialize(job, Json)));

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static int Exec(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        return cmd.ExecuteNonQuery();
    }

    private static T? Scalar<T>(SqliteConnection c, string sql, params (string Name, object? Value)[] args) where T : class
    {
        using var cmd = Command(c, null, sql, args);
        return cmd.ExecuteScalar() as T;
    }
}
