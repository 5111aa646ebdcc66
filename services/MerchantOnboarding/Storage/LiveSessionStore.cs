using System.Globalization;
using System.Text.Json;
using Commerce.IntegrationEvents.V1;
using Commerce.Onboarding.Domain.Live;

namespace Commerce.Onboarding.Storage;

/// <summary>Planned live sessions; planning writes LiveSessionPlanned to the outbox in the same transaction.</summary>
public sealed class LiveSessionStore(OnboardingDatabase db, Outbox outbox)
{
    /// <summary>Saves a session unless the (store, request id) was planned already, in which case the first one is returned.</summary>
    public PlannedSession Save(string requestId, PlannedSession session)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        if (connection.Scalar("SELECT body FROM live_sessions WHERE store_id=$s AND request_id=$r", tx, ("$s", session.StoreId), ("$r", requestId)) is string existing)
            return JsonSerializer.Deserialize<PlannedSession>(existing, Outbox.Json)!;
        connection.Exec("INSERT INTO live_sessions (session_id, store_id, merchant_id, request_id, created_at, body) VALUES ($id, $s, $m, $r, $at, $b)", tx,
            ("$id", session.SessionId), ("$s", session.StoreId), ("$m", session.MerchantId), ("$r", requestId),
            ("$at", Sql.Ms(session.CreatedAt)), ("$b", JsonSerializer.Serialize(session, Outbox.Json)));
        outbox.Enqueue(connection, tx, ToEvent(session));
        tx.Commit();
        outbox.Wake();
        return session;
    }

    public PlannedSession? Get(string sessionId)
    {
        using var connection = db.Open();
        return connection.Scalar("SELECT body FROM live_sessions WHERE session_id=$id", null, ("$id", sessionId)) is string body
            ? JsonSerializer.Deserialize<PlannedSession>(body, Outbox.Json)
            : null;
    }

    public static LiveSessionPlanned ToEvent(PlannedSession session)
    {
        var productSections = session.Script.Sections.Where(s => s.Product is not null).ToDictionary(s => s.Product!.Id);
        return new LiveSessionPlanned
        {
            SessionId = session.SessionId,
            MerchantId = session.MerchantId,
            StoreId = session.StoreId,
            RoomId = session.RoomId,
            DurationMinutes = session.DurationMinutes,
            Language = session.Script.Language,
            OccurredAt = session.CreatedAt,
            Lineup = session.Lineup.Select(p => new IntegrationEvents.V1.LineupEntry
            {
                ProductId = p.Product.Id,
                Title = p.Product.Title,
                Role = p.Role.ToString(),
                StartSecond = (int)productSections[p.Product.Id].Start.TotalSeconds,
                EndSecond = (int)(productSections[p.Product.Id].Start + productSections[p.Product.Id].Duration).TotalSeconds,
            }).ToList(),
            Script = session.Script.Sections.SelectMany(s => s.Lines.Select(l => new IntegrationEvents.V1.ScriptLine
            {
                AtSecond = (int)l.Start.TotalSeconds,
                Kind = l.Kind.ToString(),
                Text = l.Text,
                ProductId = s.Product?.Id,
            })).ToList(),
        };
    }

    public static string NewSessionId() => "live_" + Guid.NewGuid().ToString("N")[..16];

    public static string RoomOf(string storeId) => "room_" + storeId.ToString(CultureInfo.InvariantCulture);
}
