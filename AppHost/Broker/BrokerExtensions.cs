using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.AppHost.Broker;

public static class BrokerExtensions
{
    private const string ResourceName = "rabbit";

    public static IResourceBuilder<IResourceWithConnectionString> AddFleetBroker(this IDistributedApplicationBuilder builder, FleetLayout layout)
    {
        var mode = Enum.Parse<RabbitMode>(builder.Configuration["Rabbit:Mode"] ?? nameof(RabbitMode.Auto), ignoreCase: true);
        if (mode == RabbitMode.Auto)
        {
            mode = DockerEngineAnswers() ? RabbitMode.Container : RabbitMode.Local;
        }

        return mode switch
        {
            RabbitMode.Container => builder.AddRabbitMQ(ResourceName).WithManagementPlugin(),
            RabbitMode.Existing => builder.AddConnectionString(ResourceName),
            _ => builder.AddLocalRabbitMq(layout),
        };
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddLocalRabbitMq(this IDistributedApplicationBuilder builder, FleetLayout layout)
    {
        var configuredPort = builder.Configuration.GetValue<int?>("Rabbit:Port") ?? 0;
        var port = configuredPort > 0 ? configuredPort : FreeTcpPort();
        var distPort = FreeTcpPort();
        var nodeName = $"commerce{port}@localhost";
        var dataDir = Path.GetFullPath(builder.Configuration["Rabbit:DataDir"] ?? Path.Combine(Path.GetTempPath(), $"commerce-rabbit-{port}"));
        var plugins = Path.Combine(dataDir, "enabled_plugins");
        Directory.CreateDirectory(Path.Combine(dataDir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(dataDir, "log"));
        // No plugins: the node must not fight the machine's default node over the management port 15672.
        File.WriteAllText(plugins, "[].");

        var server = LocalRabbitMqResource.FindServerScript();
        var resource = new LocalRabbitMqResource(ResourceName, server, dataDir, port, nodeName);
        builder.Services.AddHealthChecks().AddCheck(resource.HealthCheckKey, new AmqpHandshakeHealthCheck(port));
        builder.Services.AddHostedService(_ => new LocalRabbitMqStopper(nodeName));

        return builder.AddResource(resource)
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            // Loopback only: a local node is the fleet's own, not a broker for the network.
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEnvironment("RABBITMQ_NODE_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_DIST_PORT", distPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(dataDir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(dataDir, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(dataDir, "rabbit.pid"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", plugins)
            .WithEnvironment("HOME", Environment.GetEnvironmentVariable("HOME") ?? "/root")
            .WithHealthCheck(resource.HealthCheckKey);
    }

    private static bool DockerEngineAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null) return false;
            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill();
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
