using System.Text.Json;
using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Domain.Onboarding;
using Commerce.Onboarding.Domain.Verification;
using Commerce.ServiceDefaults.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Commerce.Onboarding.Storage;

/// <summary>
/// The onboarding saga persisted in SQLite. Each step is one transaction that checks the current stage (a compare-and-set
/// on the row), writes the new state and enqueues its events in the outbox: a crash before the commit loses the step as a
/// whole (it is retried), a crash after it keeps both the state and the events (nothing is done twice).
/// </summary>
public sealed class OnboardingSagaStore(OnboardingDatabase db, Outbox outbox, TimeProvider time, IOptions<OnboardingRules> options)
{
    private readonly OnboardingRules _rules = options.Value;
    private ProgrammeRules Programmes => new(_rules);

    public OnboardingRules Rules => _rules;

    public MerchantApplication Apply(string userId, string requestId, MerchantApplication draft)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var existing = connection.Scalar("SELECT application_id FROM applications WHERE user_id=$u AND request_id=$r", tx, ("$u", userId), ("$r", requestId));
        if (existing is string id) return Read(connection, tx, id)!;

        var taken = connection.Scalar(
            "SELECT 1 FROM applications WHERE store_name=$n AND stage NOT IN ($rej, $exp)", tx,
            ("$n", draft.StoreName), ("$rej", (int)OnboardingStage.Rejected), ("$exp", (int)OnboardingStage.Expired));
        if (taken is not null) throw new ConflictException($"store name '{draft.StoreName}' is taken: choose another");

        var now = time.GetUtcNow();
        var application = draft with
        {
            ApplicationId = "app_" + Guid.NewGuid().ToString("N")[..16],
            MerchantId = "mer_" + Guid.NewGuid().ToString("N")[..16],
            UserId = userId,
            Stage = OnboardingStage.Applied,
            CreatedAt = now,
            UpdatedAt = now,
            ExpireAt = now.AddDays(_rules.ExpireAfterDays),
        };
        connection.Exec("""
            INSERT INTO applications (application_id, merchant_id, user_id, request_id, stage, business_name, store_name, business_type,
                legal_rep_name, contact_phone, category, created_at, updated_at, expire_at)
            VALUES ($id, $m, $u, $r, $s, $bn, $sn, $bt, $lr, $ph, $cat, $at, $at, $exp)
            """, tx, ("$id", application.ApplicationId), ("$m", application.MerchantId), ("$u", userId), ("$r", requestId),
            ("$s", (int)OnboardingStage.Applied), ("$bn", application.BusinessName), ("$sn", application.StoreName),
            ("$bt", application.BusinessType), ("$lr", application.LegalRepresentativeName), ("$ph", application.ContactPhone),
            ("$cat", JsonSerializer.Serialize(application.PrimaryCategory)), ("$at", Sql.Ms(now)), ("$exp", Sql.Ms(application.ExpireAt!.Value)));
        outbox.Enqueue(connection, tx, Changed(application.MerchantId, "None", OnboardingStage.Applied, null, now));
        tx.Commit();
        outbox.Wake();
        return application;
    }

    public MerchantApplication? Get(string applicationId)
    {
        using var connection = db.Open();
        return Read(connection, null, applicationId);
    }

    /// <summary>Checks well-formed identity numbers against the registry of this platform and moves the saga.</summary>
    public (MerchantApplication Application, IReadOnlyList<VerificationFailure> Failures) SubmitVerification(
        string applicationId, string licenceNumber, string idNumber)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var application = Read(connection, tx, applicationId) ?? throw new NotFoundException($"application {applicationId} not found");
        if (application.Stage != OnboardingStage.Applied)
            throw new PreconditionFailedException($"the application is {application.Stage}: verification is only for applications in Applied");

        var now = time.GetUtcNow();
        var failures = new List<VerificationFailure>();
        var holder = connection.Scalar(
            "SELECT merchant_id FROM applications WHERE licence_number=$l AND application_id<>$id AND stage IN ($v,$t,$a,$s)", tx,
            ("$l", licenceNumber), ("$id", applicationId), ("$v", (int)OnboardingStage.Verified), ("$t", (int)OnboardingStage.Trial),
            ("$a", (int)OnboardingStage.Active), ("$s", (int)OnboardingStage.Suspended));
        if (holder is not null)
            failures.Add(new VerificationFailure(VerificationCheckKind.LicenceAlreadyRegistered, "business_licence_number",
                "this business licence is already registered to another merchant on the platform: one licence opens one store; contact support if it is yours"));
        var age = ResidentIdNumber.AgeOn(idNumber, DateOnly.FromDateTime(now.UtcDateTime));
        if (age < 18)
            failures.Add(new VerificationFailure(VerificationCheckKind.HolderUnderAge, "legal_representative_id_number",
                $"the legal representative must be at least 18 (the ID number gives {age}): apply with an adult legal representative"));

        var failuresJson = JsonSerializer.Serialize(failures, Outbox.Json);
        if (failures.Any(f => f.Check == VerificationCheckKind.LicenceAlreadyRegistered))
        {
            Move(connection, tx, application, OnboardingStage.Rejected, failures[0].Reason, now,
                ("failures", failuresJson), ("licence_number", null));
        }
        else if (failures.Count > 0)
        {
            // Fixable (another legal representative): the application stays Applied and may be resubmitted before it expires.
            connection.Exec("UPDATE applications SET failures=$f, updated_at=$at WHERE application_id=$id", tx,
                ("$f", failuresJson), ("$at", Sql.Ms(now)), ("$id", applicationId));
        }
        else
        {
            Move(connection, tx, application, OnboardingStage.Verified, null, now,
                ("failures", "[]"), ("licence_number", licenceNumber), ("expire_at", null));
        }

        var after = Read(connection, tx, applicationId)!;
        tx.Commit();
        outbox.Wake();
        return (after, failures);
    }

    /// <summary>Saga step Verified -> Trial: opens the no-deposit trial store. Run by the worker; returns steps done.</summary>
    public int OpenTrialStores(int max = 100)
    {
        using var connection = db.Open();
        var due = new List<string>();
        using (var command = connection.Command("SELECT application_id FROM applications WHERE stage=$v ORDER BY updated_at LIMIT $n", null,
                   ("$v", (int)OnboardingStage.Verified), ("$n", max)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) due.Add(reader.GetString(0));
        }

        // The due rows in one durable commit: under a burst a commit per store was the sweep's cost. If the batch fails,
        // each row gets its own transaction so one bad row cannot hold the others back.
        int done;
        try
        {
            done = 0;
            using var tx = connection.BeginTransaction();
            foreach (var id in due)
            {
                if (TryOpenTrialStore(connection, tx, id)) done++;
            }

            tx.Commit();
        }
        catch (SqliteException) when (due.Count > 1)
        {
            done = 0;
            foreach (var id in due)
            {
                using var tx = connection.BeginTransaction();
                if (TryOpenTrialStore(connection, tx, id)) done++;
                tx.Commit();
            }
        }

        if (done > 0) outbox.Wake();
        return done;
    }

    private bool TryOpenTrialStore(SqliteConnection connection, SqliteTransaction tx, string applicationId)
    {
        var application = Read(connection, tx, applicationId);
        if (application is null || application.Stage != OnboardingStage.Verified) return false;
        var now = time.GetUtcNow();
        var storeId = "sto_" + Guid.NewGuid().ToString("N")[..16];
        connection.Exec("""
            INSERT INTO stores (store_id, merchant_id, application_id, name, status, category, created_at, joined_at)
            VALUES ($id, $m, $a, $n, $s, $c, $at, $j)
            """, tx, ("$id", storeId), ("$m", application.MerchantId), ("$a", applicationId), ("$n", application.StoreName),
            ("$s", (int)StoreState.Trial), ("$c", JsonSerializer.Serialize(application.PrimaryCategory)), ("$at", Sql.Ms(now)),
            ("$j", Sql.Ms(application.CreatedAt)));
        Move(connection, tx, application, OnboardingStage.Trial, "trial store opened without deposit", now, ("store_id", storeId));
        outbox.Enqueue(connection, tx, new MerchantActivated
        {
            MerchantId = application.MerchantId, StoreId = storeId, StoreName = application.StoreName, IsTrial = true, OccurredAt = now,
        });
        if (Programmes.OnTrialOpened(application.CreatedAt, now) is { } grant) Grant(connection, tx, storeId, application.MerchantId, grant);
        return true;
    }

    /// <summary>Saga timeout: applications not verified by their expiry time expire. Run by the sweeper.</summary>
    public int ExpireDue()
    {
        using var connection = db.Open();
        var now = time.GetUtcNow();
        var due = new List<string>();
        using (var command = connection.Command("SELECT application_id FROM applications WHERE stage=$a AND expire_at<=$now LIMIT 500", null,
                   ("$a", (int)OnboardingStage.Applied), ("$now", Sql.Ms(now))))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) due.Add(reader.GetString(0));
        }

        var done = 0;
        foreach (var id in due)
        {
            using var tx = connection.BeginTransaction();
            var application = Read(connection, tx, id);
            if (application is null || application.Stage != OnboardingStage.Applied) continue;
            Move(connection, tx, application, OnboardingStage.Expired,
                $"not verified within {_rules.ExpireAfterDays} days of applying: apply again", now);
            tx.Commit();
            done++;
        }

        if (done > 0) outbox.Wake();
        return done;
    }

    public MerchantStore ActivateByDeposit(string storeId, string requestId, decimal deposit)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var store = ReadStore(connection, tx, storeId) ?? throw new NotFoundException($"store {storeId} not found");
        var knownRequest = connection.Scalar("SELECT activation_request_id FROM stores WHERE store_id=$s", tx, ("$s", storeId)) as string;
        if (store.Status == StoreState.Active && knownRequest == requestId) return store;
        if (store.Status != StoreState.Trial)
            throw new PreconditionFailedException($"the store is {store.Status}: only a trial store can be activated by deposit");
        if (deposit < _rules.DepositRequired)
            throw new PreconditionFailedException($"the deposit {deposit:0.00} CNY is below the required {_rules.DepositRequired:0.00} CNY");

        var now = time.GetUtcNow();
        connection.Exec("UPDATE stores SET deposit_paid_cents=$d, activation_request_id=$r WHERE store_id=$s", tx,
            ("$d", Sql.Cents(deposit)), ("$r", requestId), ("$s", storeId));
        Activate(connection, tx, store, $"deposit of {deposit:0.00} CNY paid", now);
        var after = ReadStore(connection, tx, storeId)!;
        tx.Commit();
        outbox.Wake();
        return after;
    }

    public MerchantStore Suspend(string storeId, string reason)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var store = ReadStore(connection, tx, storeId) ?? throw new NotFoundException($"store {storeId} not found");
        if (store.Status == StoreState.Suspended) return store;
        var application = Read(connection, tx, store.ApplicationId)!;
        var now = time.GetUtcNow();
        connection.Exec("UPDATE stores SET status=$st, status_reason=$r WHERE store_id=$s", tx,
            ("$st", (int)StoreState.Suspended), ("$r", reason), ("$s", storeId));
        Move(connection, tx, application, OnboardingStage.Suspended, reason, now);
        var after = ReadStore(connection, tx, storeId)!;
        tx.Commit();
        outbox.Wake();
        return after;
    }

    /// <summary>
    /// Counts an order of the merchant's store inside the consumer's transaction: trial-day usage, activation by good orders,
    /// and the traffic-rewards rule. Orders count as good on placement: no delivery or refund event exists in the fleet yet.
    /// </summary>
    public void RecordOrder(SqliteConnection connection, SqliteTransaction tx, string merchantId, decimal amount, DateTimeOffset occurredAt)
    {
        var storeId = connection.Scalar("SELECT store_id FROM stores WHERE merchant_id=$m LIMIT 1", tx, ("$m", merchantId)) as string;
        if (storeId is null) return;
        var store = ReadStore(connection, tx, storeId)!;
        var day = ReportDay.Of(occurredAt);
        var sameDay = store.TodayDate == day;
        connection.Exec("""
            UPDATE stores SET good_orders=good_orders+1, today=$d,
                orders_today=CASE WHEN $same THEN orders_today+1 ELSE 1 END,
                gmv_today_cents=CASE WHEN $same THEN gmv_today_cents+$g ELSE $g END
            WHERE store_id=$s
            """, tx, ("$d", day), ("$same", sameDay), ("$g", Sql.Cents(amount)), ("$s", storeId));
        store = ReadStore(connection, tx, storeId)!;
        var now = time.GetUtcNow();
        if (store.Status == StoreState.Trial && store.GoodOrderCount >= _rules.GoodOrdersToActivate)
            Activate(connection, tx, store, $"{store.GoodOrderCount} good orders in trial", now);
        var granted = store.Programmes.Any(p => p.Programme == ProgrammeKind.TrafficRewards);
        if (store.Status != StoreState.Suspended && Programmes.OnOrders(store.JoinedAt, now, store.GoodOrderCount, granted) is { } grant)
            Grant(connection, tx, storeId, merchantId, grant);
    }

    public MerchantStore? GetStore(string storeId)
    {
        using var connection = db.Open();
        return ReadStore(connection, null, storeId);
    }

    private void Activate(SqliteConnection connection, SqliteTransaction tx, MerchantStore store, string reason, DateTimeOffset now)
    {
        var application = Read(connection, tx, store.ApplicationId)!;
        connection.Exec("UPDATE stores SET status=$st, activated_at=$at WHERE store_id=$s", tx,
            ("$st", (int)StoreState.Active), ("$at", Sql.Ms(now)), ("$s", store.StoreId));
        Move(connection, tx, application, OnboardingStage.Active, reason, now);
        outbox.Enqueue(connection, tx, new MerchantActivated
        {
            MerchantId = store.MerchantId, StoreId = store.StoreId, StoreName = store.Name, IsTrial = false, OccurredAt = now,
        });
    }

    private void Grant(SqliteConnection connection, SqliteTransaction tx, string storeId, string merchantId, ProgrammeGrant grant)
    {
        var rows = connection.Exec("""
            INSERT OR IGNORE INTO programme_grants (store_id, programme, start_at, end_at, reason, daily_exposures)
            VALUES ($s, $p, $st, $en, $r, $x)
            """, tx, ("$s", storeId), ("$p", (int)grant.Programme), ("$st", Sql.Ms(grant.Start)), ("$en", Sql.Ms(grant.End)),
            ("$r", grant.Reason), ("$x", grant.DailyRewardExposures));
        if (rows == 0) return;
        outbox.Enqueue(connection, tx, new MerchantProgrammeGranted
        {
            MerchantId = merchantId, Programme = grant.Programme.ToString(), ValidUntil = grant.End,
            DailyRewardExposures = grant.DailyRewardExposures, OccurredAt = grant.Start,
        });
    }

    private void Move(SqliteConnection connection, SqliteTransaction tx, MerchantApplication application, OnboardingStage to,
        string? reason, DateTimeOffset now, params (string Column, object? Value)[] also)
    {
        OnboardingTransitions.Require(application.Stage, to);
        var sets = string.Concat(also.Select((a, i) => $", {a.Column}=$p{i}"));
        var parameters = new List<(string, object?)>
        {
            ("$to", (int)to), ("$r", reason), ("$at", Sql.Ms(now)), ("$id", application.ApplicationId), ("$from", (int)application.Stage),
        };
        parameters.AddRange(also.Select((a, i) => ($"$p{i}", a.Value)));
        var rows = connection.Exec(
            $"UPDATE applications SET stage=$to, stage_reason=$r, updated_at=$at{sets} WHERE application_id=$id AND stage=$from", tx,
            [.. parameters]);
        if (rows != 1) throw new ConflictException($"application {application.ApplicationId} changed concurrently; retry");
        outbox.Enqueue(connection, tx, Changed(application.MerchantId, application.Stage.ToString(), to, reason, now));
    }

    private static MerchantOnboardingChanged Changed(string merchantId, string from, OnboardingStage to, string? reason, DateTimeOffset now) =>
        new() { MerchantId = merchantId, FromState = from, ToState = to.ToString(), Reason = reason, OccurredAt = now };

    internal static MerchantApplication? Read(SqliteConnection connection, SqliteTransaction? tx, string applicationId)
    {
        using var command = connection.Command("""
            SELECT application_id, merchant_id, user_id, stage, business_name, store_name, business_type, legal_rep_name, contact_phone,
                   category, store_id, licence_number, failures, stage_reason, created_at, updated_at, expire_at
            FROM applications WHERE application_id=$id
            """, tx, ("$id", applicationId));
        using var r = command.ExecuteReader();
        if (!r.Read()) return null;
        return new MerchantApplication
        {
            ApplicationId = r.GetString(0), MerchantId = r.GetString(1), UserId = r.GetString(2), Stage = (OnboardingStage)r.GetInt32(3),
            BusinessName = r.GetString(4), StoreName = r.GetString(5), BusinessType = r.GetInt32(6), LegalRepresentativeName = r.GetString(7),
            ContactPhone = r.GetString(8), PrimaryCategory = JsonSerializer.Deserialize<string[]>(r.GetString(9))!, StoreId = r.NullableString(10),
            LicenceNumber = r.NullableString(11), Failures = JsonSerializer.Deserialize<VerificationFailure[]>(r.GetString(12), Outbox.Json)!,
            StageReason = r.NullableString(13), CreatedAt = Sql.Time(r.GetInt64(14)), UpdatedAt = Sql.Time(r.GetInt64(15)),
            ExpireAt = r.NullableLong(16) is { } e ? Sql.Time(e) : null,
        };
    }

    internal static MerchantStore? ReadStore(SqliteConnection connection, SqliteTransaction? tx, string storeId)
    {
        MerchantStore store;
        using (var command = connection.Command("""
                   SELECT store_id, merchant_id, application_id, name, status, category, good_orders, deposit_paid_cents, status_reason,
                          created_at, activated_at, joined_at, today, orders_today, gmv_today_cents
                   FROM stores WHERE store_id=$id
                   """, tx, ("$id", storeId)))
        using (var r = command.ExecuteReader())
        {
            if (!r.Read()) return null;
            store = new MerchantStore
            {
                StoreId = r.GetString(0), MerchantId = r.GetString(1), ApplicationId = r.GetString(2), Name = r.GetString(3),
                Status = (StoreState)r.GetInt32(4), PrimaryCategory = JsonSerializer.Deserialize<string[]>(r.GetString(5))!,
                GoodOrderCount = r.GetInt32(6), DepositPaid = r.NullableLong(7) is { } d ? Sql.Amount(d) : null, StatusReason = r.NullableString(8),
                CreatedAt = Sql.Time(r.GetInt64(9)), ActivatedAt = r.NullableLong(10) is { } a ? Sql.Time(a) : null,
                JoinedAt = Sql.Time(r.GetInt64(11)), TodayDate = r.NullableString(12), OrdersToday = r.GetInt32(13),
                GmvToday = Sql.Amount(r.GetInt64(14)),
            };
        }

        var grants = new List<ProgrammeGrant>();
        using (var command = connection.Command("SELECT programme, start_at, end_at, reason, daily_exposures FROM programme_grants WHERE store_id=$id ORDER BY start_at",
                   tx, ("$id", storeId)))
        using (var r = command.ExecuteReader())
        {
            while (r.Read())
                grants.Add(new ProgrammeGrant((ProgrammeKind)r.GetInt32(0), Sql.Time(r.GetInt64(1)), Sql.Time(r.GetInt64(2)), r.GetString(3), r.GetInt32(4)));
        }

        return store with { Programmes = grants };
    }
}
