using System.Collections.Concurrent;
using MassTransit;

namespace Commerce.Fleet.Tests;

/// <summary>
/// Listens on the fleet's own RabbitMQ for one event type through a temporary queue of its own, as one more subscriber
/// beside the services: what it receives is what crossed the real broker. Each message is kept with the time it arrived.
/// </summary>
public sealed class BrokerTap<TEvent> : IAsyncDisposable where TEvent : class
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<(TEvent Message, DateTime ReceivedAtUtc)> _received = new();

    private BrokerTap(IBusControl bus) => _bus = bus;

    public IReadOnlyCollection<(TEvent Message, DateTime ReceivedAtUtc)> Received => _received;

    public static async Task<BrokerTap<TEvent>> StartAsync(CancellationToken cancellationToken)
    {
        var connection = await FleetUnderTest.BrokerAddressAsync(cancellationToken);
        BrokerTap<TEvent>? tap = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(connection));
            cfg.ReceiveEndpoint($"fleet-tests-tap-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<TEvent>(context =>
                {
                    tap!._received.Enqueue((context.Message, DateTime.UtcNow));
                    return Task.CompletedTask;
                });
            });
        });
        tap = new BrokerTap<TEvent>(bus);
        await bus.StartAsync(cancellationToken);
        return tap;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
