using Commerce.CsAgent.Domain.Retention;

namespace Commerce.CsAgent.Storage;

public sealed class SqliteRefundCaseStore(CsAgentDatabase db) : IRefundCaseStore
{
    public RefundCase? Find(string refundRequestId) =>
        db.Query("SELECT json FROM refund_cases WHERE refund_request_id = $id", r => CsAgentDatabase.FromJson<RefundCase>(r.GetString(0)), ("$id", refundRequestId)).FirstOrDefault();

    public IReadOnlyList<RefundCase> ForOrder(string orderId) =>
        db.Query("SELECT json FROM refund_cases WHERE order_id = $o", r => CsAgentDatabase.FromJson<RefundCase>(r.GetString(0)), ("$o", orderId));

    public void Save(RefundCase refundCase) =>
        db.Execute("INSERT INTO refund_cases (refund_request_id, order_id, buyer_id, json) VALUES ($id, $o, $b, $j) ON CONFLICT(refund_request_id) DO UPDATE SET json = excluded.json",
            ("$id", refundCase.RefundRequestId), ("$o", refundCase.OrderId), ("$b", refundCase.BuyerId), ("$j", CsAgentDatabase.ToJson(refundCase)));

    /// <summary>The refund request a client's request id already created, if any (idempotent RequestRefund).</summary>
    public string? ForClientRequest(string buyerId, string requestId) =>
        db.Query("SELECT refund_request_id FROM refund_requests WHERE buyer_id = $b AND request_id = $r", r => r.GetString(0), ("$b", buyerId), ("$r", requestId)).FirstOrDefault();

    public void RememberClientRequest(string buyerId, string requestId, string refundRequestId) =>
        db.Execute("INSERT OR IGNORE INTO refund_requests (buyer_id, request_id, refund_request_id) VALUES ($b, $r, $id)", ("$b", buyerId), ("$r", requestId), ("$id", refundRequestId));
}
