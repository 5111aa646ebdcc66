using Commerce.IntegrationEvents.V1;
using MassTransit;

namespace Commerce.CsAgent.Application;

public sealed class BusEventPublisher(IPublishEndpoint publish) : IAgentEventPublisher
{
    // Publish(object) routes by the runtime type (RefundRetained, EscalatedToHuman), not by the base record.
    public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) => publish.Publish((object)integrationEvent, cancellationToken);
}
