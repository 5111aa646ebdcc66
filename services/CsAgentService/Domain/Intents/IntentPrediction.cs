namespace Commerce.CsAgent.Domain.Intents;

/// <summary>The intent, the model's posterior for it, and the rule that fired, if one did (for the log).</summary>
public sealed record IntentPrediction(BuyerIntent Intent, double Confidence, string? Rule);
