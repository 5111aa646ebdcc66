namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>Perceptual hashes of every earlier claim's images, and reference features of each product's own images.</summary>
public interface IEvidenceArchive
{
    IReadOnlyList<(string ClaimId, ulong Hash)> EarlierHashes();

    IReadOnlyList<float[]> ProductReferences(string productId);
}
