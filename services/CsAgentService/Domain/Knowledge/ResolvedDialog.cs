namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>A question a person of the service team answered about a product: reusable when the next buyer asks it.</summary>
public sealed record ResolvedDialog(string DialogId, string ProductId, string Question, string Answer);
