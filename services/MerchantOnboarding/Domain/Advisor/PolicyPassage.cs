namespace Commerce.Onboarding.Domain.Advisor;

/// <summary>One passage of the policy knowledge base (Data/policy-kb.json).</summary>
public sealed record PolicyPassage(string DocumentId, string Language, string Title, string Section, string Text, string Uri);

public sealed record PolicyHit(PolicyPassage Passage, double Score, double Coverage);

public sealed record AdvisorAnswer(bool Known, string Answer, IReadOnlyList<PolicyHit> Citations, double Confidence);
