namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>
/// What the knowledge base can say to a question: the facts to cite (empty when it does not know) and how well they
/// match. An empty answer is a hand-off, never a guess.
/// </summary>
public sealed record FactAnswer(IReadOnlyList<ProductFact> Facts, double Match, IReadOnlySet<string> Concepts)
{
    public static FactAnswer Unknown(IReadOnlySet<string> concepts) => new([], 0, concepts);

    public bool Known => Facts.Count > 0;
}
