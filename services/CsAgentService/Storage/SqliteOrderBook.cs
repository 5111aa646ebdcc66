using Commerce.CsAgent.Domain.Orders;

namespace Commerce.CsAgent.Storage;

public sealed class SqliteOrderBook(CsAgentDatabase db) : IOrderBook
{
    public OrderRecord? Find(string orderId) =>
        db.Query("SELECT json FROM orders WHERE order_id = $id", r => CsAgentDatabase.FromJson<OrderRecord>(r.GetString(0)), ("$id", orderId)).FirstOrDefault();

    public IReadOnlyList<OrderRecord> ForBuyer(string buyerId) =>
        db.Query("SELECT json FROM orders WHERE buyer_id = $b", r => CsAgentDatabase.FromJson<OrderRecord>(r.GetString(0)), ("$b", buyerId));

    public void Save(OrderRecord order) =>
        db.Execute("INSERT INTO orders (order_id, buyer_id, json) VALUES ($id, $b, $j) ON CONFLICT(order_id) DO UPDATE SET json = excluded.json",
            ("$id", order.OrderId), ("$b", order.BuyerId), ("$j", CsAgentDatabase.ToJson(order)));

    /// <summary>Bulk load in one transaction (the evaluation catalog and the benchmark: thousands of orders).</summary>
    public void SaveAll(IEnumerable<OrderRecord> orders)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        foreach (var order in orders)
        {
            using var cmd = CsAgentDatabase.Command(c, "INSERT OR REPLACE INTO orders (order_id, buyer_id, json) VALUES ($id, $b, $j)",
                ("$id", order.OrderId), ("$b", order.BuyerId), ("$j", CsAgentDatabase.ToJson(order)));
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
