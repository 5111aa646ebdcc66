using Commerce.CsAgent.Domain.Orders;
using Microsoft.Extensions.Logging;

namespace Commerce.CsAgent.Storage;

/// <summary>Refused actions, stored for review and logged as warnings (an attempt on another buyer's order).</summary>
public sealed class SqliteRefusedActionLog(CsAgentDatabase db, ILogger<SqliteRefusedActionLog> logger) : IRefusedActionLog
{
    public void Record(RefusedAction action)
    {
        logger.LogWarning("Refused {Action} on order {OrderId} for buyer {BuyerId}: the order belongs to another buyer", action.Action, action.OrderId, action.BuyerId);
        db.Execute("INSERT INTO refused_actions (buyer_id, order_id, json) VALUES ($b, $o, $j)", ("$b", action.BuyerId), ("$o", action.OrderId), ("$j", CsAgentDatabase.ToJson(action)));
    }

    public IReadOnlyList<RefusedAction> ForBuyer(string buyerId) =>
        db.Query("SELECT json FROM refused_actions WHERE buyer_id = $b ORDER BY id", r => CsAgentDatabase.FromJson<RefusedAction>(r.GetString(0)), ("$b", buyerId));
}
