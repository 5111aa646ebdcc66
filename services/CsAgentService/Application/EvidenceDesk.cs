using Commerce.CsAgent.Domain.Evidence;
using Commerce.CsAgent.Domain.Orders;
using Commerce.CsAgent.Storage;
using Commerce.ServiceDefaults.Errors;

namespace Commerce.CsAgent.Application;

/// <summary>Evidence submissions: authorised against the caller's order, checked, stored with their hashes for later claims.</summary>
public sealed class EvidenceDesk(OrderAccess access, EvidenceAssessor assessor, SqliteEvidenceArchive archive, TimeProvider time)
{
    public async Task<EvidenceRecord> SubmitAsync(string buyerId, string orderId, string? productId, IReadOnlyList<byte[]> images, string? requestId, CancellationToken cancellationToken)
    {
        if (requestId is { Length: > 0 } && archive.ForClientRequest(buyerId, requestId) is { } seen) return seen;
        var (result, order) = access.ForBuyer(buyerId, orderId, "SubmitEvidence", "");
        if (result != OrderAccessResult.Granted) throw new NotFoundException($"order {orderId} not found among yours");
        if (!string.IsNullOrEmpty(productId) && productId != order!.ProductId) throw new InvalidInputException($"product {productId} is not in order {orderId}");

        var assessment = await assessor.AssessAsync(order!.ProductId, images, cancellationToken);
        var record = new EvidenceRecord(Guid.NewGuid().ToString("N")[..16], buyerId, orderId, order.ProductId, assessment.NeedsPerson, assessment.Findings, time.GetUtcNow());
        archive.Save(record, string.IsNullOrEmpty(requestId) ? null : requestId, assessment.Hashes);
        return record;
    }
}
