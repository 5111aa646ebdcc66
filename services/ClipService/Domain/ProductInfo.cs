namespace Commerce.Clip.Domain;

/// <summary>A product of the session: its title and the selling points the plan (or the merchant) gave for it.</summary>
public sealed record ProductInfo(string ProductId, string Title, IReadOnlyList<string> SellingPoints);
