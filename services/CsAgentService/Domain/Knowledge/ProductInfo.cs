using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Domain.Knowledge;

/// <summary>The product as the agent needs it besides facts: price (price protection), size chart (size advice), owner.</summary>
public sealed record ProductInfo(string ProductId, string MerchantId, string Title, string? TitleZh, decimal Price, IReadOnlyList<SizeChartRow> SizeChart, long Version);
