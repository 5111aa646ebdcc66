using Commerce.CsAgent.Domain.Knowledge;
using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Storage;

/// <summary>Raw knowledge sources, replayed into the in-memory <see cref="KnowledgeBase"/> on start.</summary>
public sealed class KnowledgeSourceStore(CsAgentDatabase db)
{
    public bool SaveProduct(ProductSnapshot product, long version)
    {
        using var c = db.Open();
        using var cmd = CsAgentDatabase.Command(c,
            "INSERT INTO products (product_id, version, json) VALUES ($id, $v, $j) ON CONFLICT(product_id) DO UPDATE SET version = excluded.version, json = excluded.json WHERE excluded.version >= products.version",
            ("$id", product.ProductId), ("$v", version), ("$j", CsAgentDatabase.ToJson(product)));
        return cmd.ExecuteNonQuery() == 1;
    }

    public void SaveReview(ProductReview review) =>
        db.Execute("INSERT OR IGNORE INTO reviews (review_id, product_id, json) VALUES ($id, $p, $j)", ("$id", review.ReviewId), ("$p", review.ProductId), ("$j", CsAgentDatabase.ToJson(review)));

    public void SaveDialog(ResolvedDialog dialog) =>
        db.Execute("INSERT OR IGNORE INTO resolved_dialogs (dialog_id, product_id, json) VALUES ($id, $p, $j)", ("$id", dialog.DialogId), ("$p", dialog.ProductId), ("$j", CsAgentDatabase.ToJson(dialog)));

    public void LoadInto(KnowledgeBase knowledge)
    {
        foreach (var (p, v) in db.Query("SELECT json, version FROM products", r => (CsAgentDatabase.FromJson<ProductSnapshot>(r.GetString(0)), r.GetInt64(1)))) knowledge.UpsertProduct(p, v);
        foreach (var r in db.Query("SELECT json FROM reviews", r => CsAgentDatabase.FromJson<ProductReview>(r.GetString(0)))) knowledge.AddReview(r);
        foreach (var d in db.Query("SELECT json FROM resolved_dialogs", r => CsAgentDatabase.FromJson<ResolvedDialog>(r.GetString(0)))) knowledge.AddResolvedDialog(d);
    }
}
