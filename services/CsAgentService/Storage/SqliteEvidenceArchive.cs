using Commerce.CsAgent.Domain.Evidence;

namespace Commerce.CsAgent.Storage;

/// <summary>A stored evidence submission (the response is replayed for a retried request id).</summary>
public sealed record EvidenceRecord(string EvidenceId, string BuyerId, string OrderId, string ProductId, bool NeedsPerson, IReadOnlyList<EvidenceFinding> Findings, DateTimeOffset At);

public sealed class SqliteEvidenceArchive(CsAgentDatabase db) : IEvidenceArchive
{
    public IReadOnlyList<(string ClaimId, ulong Hash)> EarlierHashes() =>
        db.Query("SELECT evidence_id, hash FROM evidence_hashes", r => (r.GetString(0), unchecked((ulong)r.GetInt64(1))));

    public IReadOnlyList<float[]> ProductReferences(string productId) =>
        db.Query("SELECT json FROM product_image_references WHERE product_id = $p", r => CsAgentDatabase.FromJson<float[]>(r.GetString(0)), ("$p", productId));

    public void AddProductReference(string productId, string referenceId, float[] features) =>
        db.Execute("INSERT OR REPLACE INTO product_image_references (product_id, reference_id, json) VALUES ($p, $r, $j)", ("$p", productId), ("$r", referenceId), ("$j", CsAgentDatabase.ToJson(features)));

    public EvidenceRecord? ForClientRequest(string buyerId, string requestId) =>
        db.Query("SELECT json FROM evidence WHERE buyer_id = $b AND request_id = $r", r => CsAgentDatabase.FromJson<EvidenceRecord>(r.GetString(0)), ("$b", buyerId), ("$r", requestId)).FirstOrDefault();

    public void Save(EvidenceRecord record, string? requestId, IReadOnlyList<ulong?> hashes)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        using (var cmd = CsAgentDatabase.Command(c, "INSERT INTO evidence (evidence_id, buyer_id, request_id, json) VALUES ($id, $b, $r, $j)",
                   ("$id", record.EvidenceId), ("$b", record.BuyerId), ("$r", requestId), ("$j", CsAgentDatabase.ToJson(record))))
        {
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }

        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i] is not { } h) continue;
            using var cmd = CsAgentDatabase.Command(c, "INSERT INTO evidence_hashes (evidence_id, image_index, hash) VALUES ($id, $i, $h)",
                ("$id", record.EvidenceId), ("$i", i), ("$h", unchecked((long)h)));
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
