namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>
/// The checks of an after-sale claim's photos: broken or truncated file, editing software in the metadata, a
/// perceptual hash close to an image of an earlier claim, and image features far from the product's own images.
/// Any finding sends the claim to a person with the reasons; none accepts it.
/// </summary>
public sealed class EvidenceAssessor(IImageEmbedder embedder, IEvidenceArchive archive)
{
    /// <summary>Cosine below which a photo is unlike every reference image of the product (ResNet18 pooled features).</summary>
    public const double RelatedCosine = 0.5;

    public async Task<EvidenceAssessment> AssessAsync(string productId, IReadOnlyList<byte[]> images, CancellationToken cancellationToken)
    {
        var findings = new List<EvidenceFinding>();
        var hashes = new List<ulong?>();
        var earlier = archive.EarlierHashes();
        var references = archive.ProductReferences(productId);
        for (var i = 0; i < images.Count; i++)
        {
            var inspection = ImageFileInspector.Inspect(images[i]);
            var decoded = inspection.Format == ImageFormat.Unknown ? null : ImageDecoder.Decode(images[i]);
            if (inspection.Format == ImageFormat.Unknown || decoded is null)
            {
                findings.Add(new EvidenceFinding(i, EvidenceIssue.BrokenFile, "the file is not a readable JPEG, PNG or WebP image", 1));
                hashes.Add(null);
                continue;
            }

            if (inspection.Truncated) findings.Add(new EvidenceFinding(i, EvidenceIssue.BrokenFile, "the file is cut short (no end-of-image marker)", 1));
            if (inspection.EditorTag is { } editor) findings.Add(new EvidenceFinding(i, EvidenceIssue.EditedImage, $"the metadata names editing software ({editor})", 0.8));

            var hash = PerceptualHash.DHash(decoded);
            hashes.Add(hash);
            var reuse = earlier.Select(e => (e.ClaimId, Distance: PerceptualHash.Distance(e.Hash, hash))).Where(e => e.Distance <= PerceptualHash.ReuseDistance)
                .OrderBy(e => e.Distance).FirstOrDefault();
            if (reuse.ClaimId is not null)
            {
                findings.Add(new EvidenceFinding(i, EvidenceIssue.ReusedImage, $"the image matches one of claim {reuse.ClaimId} ({reuse.Distance} of 64 hash bits differ)",
                    1 - reuse.Distance / 64.0, reuse.ClaimId));
            }

            if (references.Count > 0)
            {
                var v = await embedder.EmbedAsync(decoded, cancellationToken);
                var best = references.Max(r => Cosine(v, r));
                if (best < RelatedCosine)
                {
                    findings.Add(new EvidenceFinding(i, EvidenceIssue.UnrelatedToProduct, $"the image does not look like the product's photos (similarity {best:0.00})", 1 - best));
                }
            }
        }

        return new EvidenceAssessment(findings.Count > 0, findings, hashes);
    }

    private static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
