using Commerce.Bidding.Domain;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.Bidding.Storage;

/// <summary>
/// The service's own SQLite file: campaigns, their delivery per day, wins (charged once), processed events (consumers
/// are idempotent), and traffic-reward programmes, targets and per-day counters. Writes that must be exact across
/// replicas (spend against the budget, reward exposures against the cap) are single conditional UPDATEs inside
/// immediate transactions, so several processes on one file cannot both pass the limit.
/// </summary>
public sealed class BiddingStore(SqliteDatabase database)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS campaigns(
            campaign_id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL, request_id TEXT, name TEXT NOT NULL,
            target_kind INTEGER NOT NULL, target_id TEXT NOT NULL, currency TEXT NOT NULL, daily_budget INTEGER NOT NULL,
            goal INTEGER NOT NULL, target_cpa INTEGER NOT NULL, target_roi REAL NOT NULL, start_ms INTEGER, end_ms INTEGER,
            time_zone TEXT NOT NULL, max_bid INTEGER, paused INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS campaigns_request ON campaigns(merchant_id, request_id) WHERE request_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS delivery(
            campaign_id TEXT NOT NULL, day TEXT NOT NULL, spend INTEGER NOT NULL DEFAULT 0, impressions INTEGER NOT NULL DEFAULT 0,
            conversions INTEGER NOT NULL DEFAULT 0, gmv INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(campaign_id, day));
        CREATE TABLE IF NOT EXISTS wins(opportunity_id TEXT NOT NULL, campaign_id TEXT NOT NULL, price INTEGER NOT NULL,
            PRIMARY KEY(opportunity_id, campaign_id));
        CREATE TABLE IF NOT EXISTS processed_events(event_id TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS reward_programmes(merchant_id TEXT PRIMARY KEY, valid_until_ms INTEGER NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1, updated_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS reward_targets(kind INTEGER NOT NULL, target_id TEXT NOT NULL, merchant_id TEXT NOT NULL,
            PRIMARY KEY(kind, target_id));
        CREATE TABLE IF NOT EXISTS reward_usage(kind INTEGER NOT NULL, target_id TEXT NOT NULL, day TEXT NOT NULL,
            merchant_id TEXT NOT NULL, used INTEGER NOT NULL, PRIMARY KEY(kind, target_id, day));
        """;

    public SqliteDatabase Database => database;

    public CampaignRecord? FindByRequest(string merchantId, string requestId)
    {
        using var c = database.Open();
        return QueryCampaigns(c, "WHERE merchant_id = $m AND request_id = $r", ("$m", merchantId), ("$r", requestId)).FirstOrDefault();
    }

    /// <summary>Inserts the campaign; false when its request id was already used (the first one stands).</summary>
    public bool Insert(CampaignRecord c, string? requestId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO campaigns VALUES($id,$m,$r,$n,$tk,$ti,$cur,$b,$g,$cpa,$roi,$s,$e,$tz,$mb,$p,$cr,$up)
            ON CONFLICT DO NOTHING
            """;
        Bind(command, c);
        command.Parameters.AddWithValue("$r", (object?)requestId ?? DBNull.Value);
        return command.ExecuteNonQuery() == 1;
    }

    public void Update(CampaignRecord c)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE campaigns SET name=$n, currency=$cur, daily_budget=$b, goal=$g, target_cpa=$cpa, target_roi=$roi, start_ms=$s,
            end_ms=$e, time_zone=$tz, max_bid=$mb, paused=$p, updated_ms=$up WHERE campaign_id=$id
            """;
        Bind(command, c);
        command.ExecuteNonQuery();
    }

    public CampaignRecord? Get(string campaignId)
    {
        using var c = database.Open();
        return QueryCampaigns(c, "WHERE campaign_id = $id", ("$id", campaignId)).FirstOrDefault();
    }

    public IReadOnlyList<CampaignRecord> All()
    {
        using var c = database.Open();
        return QueryCampaigns(c, "");
    }

    public IReadOnlyList<CampaignRecord> List(string? merchantId, int offset, int limit)
    {
        using var c = database.Open();
        var where = merchantId is null ? "" : "WHERE merchant_id = $m";
        return QueryCampaigns(c, $"{where} ORDER BY created_ms DESC, campaign_id LIMIT {limit} OFFSET {offset}", ("$m", merchantId ?? ""));
    }

    public DeliveryDay Delivery(string campaignId, DateOnly day)
    {
        using var c = database.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT spend, impressions, conversions, gmv FROM delivery WHERE campaign_id=$c AND day=$d";
        command.Parameters.AddWithValue("$c", campaignId);
        command.Parameters.AddWithValue("$d", day.ToString("O"));
        using var r = command.ExecuteReader();
        return r.Read() ? new DeliveryDay(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)) : new DeliveryDay(0, 0, 0, 0);
    }

    /// <summary>
    /// Charges a win once: the win row and the spend move together, and the spend only if it stays within the budget
    /// (checked in the store, so a second replica cannot push it over). Null when the budget would be passed.
    /// </summary>
    public (bool Duplicate, long SpendToday)? RecordWin(string opportunityId, string campaignId, DateOnly day, long price, long budget)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var inserted = Exec(connection, tx, "INSERT INTO wins VALUES($o,$c,$p) ON CONFLICT DO NOTHING",
            ("$o", opportunityId), ("$c", campaignId), ("$p", price)) == 1;
        Exec(connection, tx, "INSERT INTO delivery(campaign_id, day) VALUES($c,$d) ON CONFLICT DO NOTHING", ("$c", campaignId), ("$d", day.ToString("O")));
        if (inserted)
        {
            var charged = Exec(connection, tx,
                "UPDATE delivery SET spend = spend + $p, impressions = impressions + 1 WHERE campaign_id=$c AND day=$d AND spend + $p <= $b",
                ("$p", price), ("$c", campaignId), ("$d", day.ToString("O")), ("$b", budget)) == 1;
            if (!charged) return null;
        }

        using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT spend FROM delivery WHERE campaign_id=$c AND day=$d";
        read.Parameters.AddWithValue("$c", campaignId);
        read.Parameters.AddWithValue("$d", day.ToString("O"));
        var spend = (long)read.ExecuteScalar()!;
        tx.Commit();
        return (!inserted, spend);
    }

    /// <summary>Runs <paramref name="change"/> once per event id: false when the event was already processed.</summary>
    public bool OnceForEvent(Guid eventId, Action<SqliteConnection, SqliteTransaction> change)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        if (Exec(connection, tx, "INSERT INTO processed_events VALUES($e) ON CONFLICT DO NOTHING", ("$e", eventId.ToString())) == 0) return false;
        change(connection, tx);
        tx.Commit();
        return true;
    }

    public static int Exec(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, CampaignRecord c)
    {
        command.Parameters.AddWithValue("$id", c.CampaignId);
        command.Parameters.AddWithValue("$m", c.MerchantId);
        command.Parameters.AddWithValue("$n", c.Name);
        command.Parameters.AddWithValue("$tk", (int)c.TargetKind);
        command.Parameters.AddWithValue("$ti", c.TargetId);
        command.Parameters.AddWithValue("$cur", c.Currency);
        command.Parameters.AddWithValue("$b", c.DailyBudgetMicros);
        command.Parameters.AddWithValue("$g", (int)c.Goal);
        command.Parameters.AddWithValue("$cpa", c.TargetCpaMicros);
        command.Parameters.AddWithValue("$roi", c.TargetRoi);
        command.Parameters.AddWithValue("$s", (object?)c.StartTime?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$e", (object?)c.EndTime?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$tz", c.TimeZone);
        command.Parameters.AddWithValue("$mb", (object?)c.MaxBidMicros ?? DBNull.Value);
        command.Parameters.AddWithValue("$p", c.Paused ? 1 : 0);
        command.Parameters.AddWithValue("$cr", c.CreateTime.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$up", c.UpdateTime.ToUnixTimeMilliseconds());
    }

    private static List<CampaignRecord> QueryCampaigns(SqliteConnection connection, string tail, params (string, object)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT campaign_id, merchant_id, name, target_kind, target_id, currency, daily_budget, goal, target_cpa, " +
                              "target_roi, start_ms, end_ms, time_zone, max_bid, paused, created_ms, updated_ms FROM campaigns " + tail;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var r = command.ExecuteReader();
        var list = new List<CampaignRecord>();
        while (r.Read())
        {
            list.Add(new CampaignRecord
            {
                CampaignId = r.GetString(0), MerchantId = r.GetString(1), Name = r.GetString(2), TargetKind = (PromotedKind)r.GetInt32(3),
                TargetId = r.GetString(4), Currency = r.GetString(5), DailyBudgetMicros = r.GetInt64(6), Goal = (GoalKind)r.GetInt32(7),
                TargetCpaMicros = r.GetInt64(8), TargetRoi = r.GetDouble(9),
                StartTime = r.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
                EndTime = r.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
                TimeZone = r.GetString(12), MaxBidMicros = r.IsDBNull(13) ? null : r.GetInt64(13), Paused = r.GetInt64(14) == 1,
                CreateTime = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(15)), UpdateTime = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(16)),
            });
        }

        return list;
    }
}
