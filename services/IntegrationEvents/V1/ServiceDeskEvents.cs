namespace Commerce.IntegrationEvents.V1;

/// <summary>
/// A person of the service team answered a buyer's question about a product (after a hand-off): CsAgentService keeps the
/// question -> answer pair as a fact for the next buyer who asks the same.
/// </summary>
public sealed record DialogResolvedByHuman : IntegrationEvent
{
    public required string DialogId { get; init; }
    public required string ProductId { get; init; }
    public required string Question { get; init; }
    public required string Answer { get; init; }
}
