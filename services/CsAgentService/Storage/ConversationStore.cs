using Commerce.CsAgent.Domain.Agent;

namespace Commerce.CsAgent.Storage;

public sealed class ConversationStore(CsAgentDatabase db)
{
    public Conversation? Find(string conversationId) =>
        db.Query("SELECT json FROM conversations WHERE conversation_id = $id", r => CsAgentDatabase.FromJson<Conversation>(r.GetString(0)), ("$id", conversationId)).FirstOrDefault();

    /// <summary>Stores the conversation and, in the same transaction, the client request id of the turn just added.</summary>
    public void Save(Conversation conversation, string? requestId, string? turnId)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        using (var cmd = CsAgentDatabase.Command(c, "INSERT INTO conversations (conversation_id, buyer_id, json) VALUES ($id, $b, $j) ON CONFLICT(conversation_id) DO UPDATE SET json = excluded.json",
                   ("$id", conversation.ConversationId), ("$b", conversation.BuyerId), ("$j", CsAgentDatabase.ToJson(conversation))))
        {
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }

        if (requestId is not null && turnId is not null)
        {
            using var cmd = CsAgentDatabase.Command(c, "INSERT OR IGNORE INTO ask_requests (buyer_id, request_id, conversation_id, turn_id) VALUES ($b, $r, $c, $t)",
                ("$b", conversation.BuyerId), ("$r", requestId), ("$c", conversation.ConversationId), ("$t", turnId));
            cmd.Transaction = tx;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public (string ConversationId, string TurnId)? ForClientRequest(string buyerId, string requestId) =>
        db.Query("SELECT conversation_id, turn_id FROM ask_requests WHERE buyer_id = $b AND request_id = $r", r => (r.GetString(0), r.GetString(1)), ("$b", buyerId), ("$r", requestId))
            .Select(x => ((string, string)?)x).FirstOrDefault();
}
