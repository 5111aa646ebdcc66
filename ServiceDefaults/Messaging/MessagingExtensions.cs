using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Commerce.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The fleet's one MassTransit set-up. Queues are named after the owning service (<paramref name="serviceName"/>), so
    /// two services consuming the same event each get their own copy rather than competing for one queue. A handler that
    /// throws is retried, then its message goes to the queue's <c>_error</c> queue: never acknowledged as handled.
    /// </summary>
    public static TBuilder AddCommerceBus<TBuilder>(this TBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null) where TBuilder : IHostApplicationBuilder
    {
        var settings = builder.Configuration.GetSection(MessagingSettings.SectionName).Get<MessagingSettings>() ?? new MessagingSettings();
        var rabbit = builder.Configuration.GetConnectionString(MessagingSettings.RabbitConnectionName);
        if (string.IsNullOrWhiteSpace(rabbit) && settings.Transport == MessagingTransport.RabbitMq)
        {
            throw new InvalidOperationException(
                $"{serviceName} needs a broker: set ConnectionStrings:{MessagingSettings.RabbitConnectionName} (amqp://user:pass@host:port), " +
                "which the AppHost does for you, or Messaging:Transport=InMemory in a test.");
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Intervals(settings.RetryIntervalsMs));
            });

            if (settings.Transport == MessagingTransport.InMemory)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                return;
            }

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbit!));
                cfg.PrefetchCount = settings.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
