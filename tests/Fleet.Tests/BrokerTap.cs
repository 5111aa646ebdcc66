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

    /// <summary>A temporary queue of its own, bound to every <typeparamref name="TEvent"/> published on the broker.</summary>
    public static Task<BrokerTap<TEvent>> StartAsync(CancellationToken cancellationToken) =>
        StartAsync($"fleet-tests-tap-{Guid.NewGuid():N}", subscribe: true, cancellationToken);

    /// <summary>
    /// Reads an existing queue, such as a service's <c>_error</c> queue, without binding it to anything: what arrives is
    /// what the service itself moved there.
    /// </summary>
    public static Task<BrokerTap<TEvent>> DrainAsync(string existingQueue, CancellationToken cancellationToken) =>
        StartAsync(existingQueue, subscribe: false, cancellationToken);

    private static async Task<BrokerTap<TEvent>> StartAsync(string queue, bool subscribe, CancellationToken cancellationToken)
    {
        var connection = await FleetUnderTest.BrokerAddressAsync(cancellationToken);
        BrokerTap<TEvent>? tap = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(connection));
            cfg.ReceiveEndpoint(queue, endpoint =>
            {
                if (subscribe)
                {
                    endpoint.AutoDelete = true;
                    endpoint.Durable = false;
                }
                else
                {
                    endpoint.ConfigureConsumeTopology = false;
                }

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
