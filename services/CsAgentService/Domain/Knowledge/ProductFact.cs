namespace Commerce.CsAgent.Domain.Knowledge;

public enum FactSource
{
    DetailAttribute,
    DetailText,
    Review,
    ResolvedDialog,
}

/// <summary>
/// One thing known about a product: <paramref name="Attribute"/> -> <paramref name="Value"/>, in one language, with where
/// it came from and how far to trust it. Review facts aggregate many reviews; <paramref name="Support"/> counts them.
/// </summary>
public sealed record ProductFact(
    string ProductId,
    string Attribute,
    string Value,
    string Language,
    FactSource Source,
    string SourceId,
    string Excerpt,
    double Confidence,
    int Support = 1);
