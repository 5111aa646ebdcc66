namespace Commerce.CsAgent.Domain.Evidence;

/// <summary>An image decoded to 8-bit BGR, row-major, with its original bytes (the remote embedder sends pixels).</summary>
public sealed record DecodedImage(int Width, int Height, byte[] Bgr);
