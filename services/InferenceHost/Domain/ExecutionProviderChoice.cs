namespace Commerce.Inference.Domain;

/// <summary>The provider a session got, and why (a CUDA failure's message when it fell back).</summary>
public sealed record ExecutionProviderChoice(string Provider, string Reason);
