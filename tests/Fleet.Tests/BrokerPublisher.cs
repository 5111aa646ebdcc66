using MassTransit;

namespace Commerce.Fleet.Tests;

/// <summary>Publishes integration events onto the fleet's own RabbitMQ, as a service of the platform would (for events no fleet service emits, such as UserInteracted from the apps).</summary>
public sealed class BrokerPublisher : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BrokerPublisher(IBusControl bus) => _bus = bus;

    public static async Task<BrokerPublisher> StartAsync(CancellationToken cancellationToken)
    {
        var connection = await FleetUnderTest.BrokerAddressAsync(cancellationToken);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(connection)));
        await bus.StartAsync(cancellationToken);
        return new BrokerPublisher(bus);
    }

    public Task PublishAsync<TEvent>(TEvent message, CancellationToken cancellationToken) where TEvent : class =>
        _bus.Publish(message, cancellationToken);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
