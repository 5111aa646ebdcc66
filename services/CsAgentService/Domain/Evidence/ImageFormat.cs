namespace Commerce.CsAgent.Domain.Evidence;

public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    WebP,
}
