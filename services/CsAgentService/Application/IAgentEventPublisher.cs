using Commerce.IntegrationEvents.V1;

namespace Commerce.CsAgent.Application;

/// <summary>Where the desk's integration events go: the bus in the service, a list in the evaluation.</summary>
public interface IAgentEventPublisher
{
    Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);
}
