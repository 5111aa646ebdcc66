using Commerce.Bidding.Domain;
using Commerce.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.Bidding.Storage;

/// <summary>
/// Traffic-reward exposures: which merchants hold the programme and enabled it, which live rooms and videos are
/// theirs, and the per-target daily counters. The cap is enforced by one conditional UPDATE
/// (<c>used = used + 1 WHERE used &lt; cap</c>) inside an immediate transaction: SQLite's single writer makes it exact
/// for any number of threads, connections or replicas sharing the file. A batch's grants share one transaction.
/// </summary>
public sealed class RewardLedger(SqliteDatabase database)
{
    public const long DailyCapPerTarget = 10_000;

    public void Grant(string merchantId, DateTimeOffset validUntil, DateTimeOffset now)
    {
        using var c = database.Open();
        BiddingStore.Exec(c, null, """
            INSERT INTO reward_programmes VALUES($m,$v,1,$u)
            ON CONFLICT(merchant_id) DO UPDATE SET valid_until_ms = MAX(valid_until_ms, excluded.valid_until_ms), updated_ms = excluded.updated_ms
            """, ("$m", merchantId), ("$v", validUntil.ToUnixTimeMilliseconds()), ("$u", now.ToUnixTimeMilliseconds()));
    }

    /// <summary>Sets the merchant's switch; null when the merchant holds no programme.</summary>
    public (bool Enabled, DateTimeOffset ValidUntil, DateTimeOffset Updated)? SetEnabled(string merchantId, bool enabled, DateTimeOffset now)
    {
        using var c = database.Open();
        BiddingStore.Exec(c, null, "UPDATE reward_programmes SET enabled=$e, updated_ms=$u WHERE merchant_id=$m",
            ("$e", enabled ? 1 : 0), ("$u", now.ToUnixTimeMilliseconds()), ("$m", merchantId));
        return Settings(c, merchantId);
    }

    public (bool Enabled, DateTimeOffset ValidUntil, DateTimeOffset Updated)? Settings(string merchantId)
    {
        using var c = database.Open();
        return Settings(c, merchantId);
    }

    public void RegisterTarget(PromotedKind kind, string targetId, string merchantId, SqliteConnection? connection = null, SqliteTransaction? tx = null)
    {
        if (kind is not (PromotedKind.LiveRoom or PromotedKind.Video)) return;
        var own = connection is null;
        var c = connection ?? database.Open();
        try
        {
            BiddingStore.Exec(c, tx, "INSERT INTO reward_targets VALUES($k,$t,$m) ON CONFLICT DO NOTHING",
                ("$k", (int)kind), ("$t", targetId), ("$m", merchantId));
        }
        finally
        {
            if (own) c.Dispose();
        }
    }

    /// <summary>
    /// For each opportunity, grants at most one reward exposure: to the eligible candidate of highest predicted CTR
    /// whose target is below its cap today. All in one immediate transaction (one commit for the batch).
    /// </summary>
    public RewardGrantResult?[] TryGrant(IReadOnlyList<IReadOnlyList<RewardCandidateInput>> opportunities, DateOnly day, DateTimeOffset now)
    {
        var results = new RewardGrantResult?[opportunities.Count];
        if (opportunities.All(o => o.Count == 0)) return results;
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        using var owner = c.CreateCommand();
        owner.Transaction = tx;
        owner.CommandText = """
            SELECT t.merchant_id FROM reward_targets t JOIN reward_programmes p ON p.merchant_id = t.merchant_id
            WHERE t.kind=$k AND t.target_id=$t AND p.enabled=1 AND p.valid_until_ms > $now
            """;
        var ok = owner.Parameters.Add("$k", SqliteType.Integer);
        var ot = owner.Parameters.Add("$t", SqliteType.Text);
        owner.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        using var ensure = c.CreateCommand();
        ensure.Transaction = tx;
        ensure.CommandText = "INSERT INTO reward_usage VALUES($k,$t,$d,$m,0) ON CONFLICT DO NOTHING";
        var ek = ensure.Parameters.Add("$k", SqliteType.Integer);
        var et = ensure.Parameters.Add("$t", SqliteType.Text);
        ensure.Parameters.AddWithValue("$d", day.ToString("O"));
        var em = ensure.Parameters.Add("$m", SqliteType.Text);
        using var take = c.CreateCommand();
        take.Transaction = tx;
        take.CommandText = "UPDATE reward_usage SET used = used + 1 WHERE kind=$k AND target_id=$t AND day=$d AND used < $cap RETURNING used";
        var tk = take.Parameters.Add("$k", SqliteType.Integer);
        var tt = take.Parameters.Add("$t", SqliteType.Text);
        take.Parameters.AddWithValue("$d", day.ToString("O"));
        take.Parameters.AddWithValue("$cap", DailyCapPerTarget);
        for (var i = 0; i < opportunities.Count; i++)
        {
            foreach (var candidate in opportunities[i].OrderByDescending(r => r.Pctr))
            {
                if (candidate.Kind is not (PromotedKind.LiveRoom or PromotedKind.Video)) continue;
                ok.Value = (int)candidate.Kind;
                ot.Value = candidate.TargetId;
                if (owner.ExecuteScalar() is not string merchant) continue;
                ek.Value = (int)candidate.Kind;
                et.Value = candidate.TargetId;
                em.Value = merchant;
                ensure.ExecuteNonQuery();
                tk.Value = (int)candidate.Kind;
                tt.Value = candidate.TargetId;
                if (take.ExecuteScalar() is not long used) continue;
                results[i] = new RewardGrantResult(candidate.Kind, candidate.TargetId, merchant, used, DailyCapPerTarget);
                break;
            }
        }

        tx.Commit();
        return results;
    }

    public IReadOnlyList<(PromotedKind Kind, string TargetId, long Used)> Usage(string merchantId, DateOnly day, PromotedKind? kind, string? targetId, int offset, int limit)
    {
        using var c = database.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT kind, target_id, used FROM reward_usage WHERE merchant_id=$m AND day=$d" +
                              (kind is null ? "" : " AND kind=$k AND target_id=$t") + $" ORDER BY used DESC, target_id LIMIT {limit} OFFSET {offset}";
        command.Parameters.AddWithValue("$m", merchantId);
        command.Parameters.AddWithValue("$d", day.ToString("O"));
        if (kind is not null)
        {
            command.Parameters.AddWithValue("$k", (int)kind);
            command.Parameters.AddWithValue("$t", targetId ?? "");
        }

        using var r = command.ExecuteReader();
        var list = new List<(PromotedKind, string, long)>();
        while (r.Read()) list.Add(((PromotedKind)r.GetInt32(0), r.GetString(1), r.GetInt64(2)));
        return list;
    }

    private static (bool, DateTimeOffset, DateTimeOffset)? Settings(SqliteConnection c, string merchantId)
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT enabled, valid_until_ms, updated_ms FROM reward_programmes WHERE merchant_id=$m";
        command.Parameters.AddWithValue("$m", merchantId);
        using var r = command.ExecuteReader();
        if (!r.Read()) return null;
        return (r.GetInt64(0) == 1, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)));
    }
}
