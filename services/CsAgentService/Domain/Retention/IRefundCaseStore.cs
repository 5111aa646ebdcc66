namespace Commerce.CsAgent.Domain.Retention;

public interface IRefundCaseStore
{
    RefundCase? Find(string refundRequestId);

    IReadOnlyList<RefundCase> ForOrder(string orderId);

    void Save(RefundCase refundCase);
}
