using Commerce.ServiceDefaults.Errors;
using Microsoft.Data.Sqlite;

namespace Commerce.Onboarding.Storage;

public sealed record DayFigures(string Date, long Orders, decimal Gmv, double LiveMinutes, long Clips, decimal AdSpend);

public sealed record ProductFigures(string ProductId, long Orders, decimal Gmv);

/// <summary>
/// Per-merchant daily aggregates fed by consumers. Every consumer runs its change through <see cref="Process"/>, which
/// records the EventId in the same transaction: a redelivered event finds its id and changes nothing.
/// </summary>
public sealed class ReportStore(OnboardingDatabase db, TimeProvider time)
{
    /// <summary>Runs <paramref name="apply"/> once per event id; false when the event was seen before.</summary>
    public bool Process(string consumer, Guid eventId, Action<SqliteConnection, SqliteTransaction> apply)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var rows = connection.Exec("INSERT OR IGNORE INTO processed_events (event_id, consumer, processed_at) VALUES ($id, $c, $at)", tx,
            ("$id", consumer + ":" + eventId), ("$c", consumer), ("$at", Sql.Ms(time.GetUtcNow())));
        if (rows == 0) return false;
        apply(connection, tx);
        tx.Commit();
        return true;
    }

    public static void AddOrder(SqliteConnection c, SqliteTransaction tx, string merchantId, string day, string productId, decimal amount)
    {
        Upsert(c, tx, merchantId, day, "orders=orders+1, gmv_cents=gmv_cents+$v", Sql.Cents(amount));
        c.Exec("""
            INSERT INTO daily_products (merchant_id, day, product_id, orders, gmv_cents) VALUES ($m, $d, $p, 1, $g)
            ON CONFLICT (merchant_id, day, product_id) DO UPDATE SET orders=orders+1, gmv_cents=gmv_cents+$g
            """, tx, ("$m", merchantId), ("$d", day), ("$p", productId), ("$g", Sql.Cents(amount)));
    }

    public static void AddLiveSeconds(SqliteConnection c, SqliteTransaction tx, string merchantId, string day, int seconds) =>
        Upsert(c, tx, merchantId, day, "live_seconds=live_seconds+$v", seconds);

    public static void AddClip(SqliteConnection c, SqliteTransaction tx, string merchantId, string day) =>
        Upsert(c, tx, merchantId, day, "clips=clips+$v", 1);

    public static void AddAdSpend(SqliteConnection c, SqliteTransaction tx, string merchantId, string day, decimal spent) =>
        Upsert(c, tx, merchantId, day, "ad_spend_cents=ad_spend_cents+$v", Sql.Cents(spent));

    private static void Upsert(SqliteConnection c, SqliteTransaction tx, string merchantId, string day, string set, long value)
    {
        c.Exec("INSERT OR IGNORE INTO daily_figures (merchant_id, day) VALUES ($m, $d)", tx, ("$m", merchantId), ("$d", day));
        c.Exec($"UPDATE daily_figures SET {set} WHERE merchant_id=$m AND day=$d", tx, ("$m", merchantId), ("$d", day), ("$v", value));
    }

    public IReadOnlyList<DayFigures> Days(string merchantId, DateOnly from, DateOnly to)
    {
        using var connection = db.Open();
        var found = new Dictionary<string, DayFigures>();
        using (var command = connection.Command(
                   "SELECT day, orders, gmv_cents, live_seconds, clips, ad_spend_cents FROM daily_figures WHERE merchant_id=$m AND day BETWEEN $f AND $t",
                   null, ("$m", merchantId), ("$f", Iso(from)), ("$t", Iso(to))))
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
                found[r.GetString(0)] = new DayFigures(r.GetString(0), r.GetInt64(1), Sql.Amount(r.GetInt64(2)), r.GetInt64(3) / 60.0, r.GetInt64(4), Sql.Amount(r.GetInt64(5)));
        }

        var days = new List<DayFigures>();
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(found.GetValueOrDefault(Iso(d)) ?? new DayFigures(Iso(d), 0, 0, 0, 0, 0));
        return days;
    }

    public IReadOnlyList<ProductFigures> TopProducts(string merchantId, DateOnly day, int count)
    {
        using var connection = db.Open();
        using var command = connection.Command(
            "SELECT product_id, orders, gmv_cents FROM daily_products WHERE merchant_id=$m AND day=$d ORDER BY gmv_cents DESC, orders DESC, product_id LIMIT $n",
            null, ("$m", merchantId), ("$d", Iso(day)), ("$n", count));
        using var r = command.ExecuteReader();
        var items = new List<ProductFigures>();
        while (r.Read()) items.Add(new ProductFigures(r.GetString(0), r.GetInt64(1), Sql.Amount(r.GetInt64(2))));
        return items;
    }

    public static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidInputException($"report_date '{text}' is not a date in the form YYYY-MM-DD");

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
