namespace Commerce.IntegrationEvents.V1;

/// <summary>
/// Every integration event carries its own id (consumers deduplicate on it: a redelivered event changes nothing twice)
/// and the time it happened (not the time it was sent). Records are immutable: a new shape is a new namespace version.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
