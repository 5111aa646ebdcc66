namespace Commerce.AppHost.Broker;

/// <summary>The machine's rabbitmq-server run as the AppHost's own node (no Docker needed), exposing an AMQP connection string.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, int port, string nodeName)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public string NodeName { get; } = nodeName;

    public string HealthCheckKey => $"{Name}-amqp";

    // The default guest user is allowed from localhost only, which is exactly where this node listens.
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@localhost:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>The real rabbitmqctl: Debian's /usr/sbin wrapper switches to the rabbitmq user, whose cookie cannot reach our node.</summary>
    public const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static string FindServerScript()
    {
        // Debian's /usr/sbin wrapper re-executes as the rabbitmq user, which then cannot use our data folder; the real
        // script under /usr/lib runs as whoever starts it.
        string[] candidates = ["/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/sbin/rabbitmq-server"];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Rabbit:Mode=local needs rabbitmq-server: run eng/prereqs.sh (apt-get install rabbitmq-server), or set Rabbit:Mode=existing with ConnectionStrings:rabbit.");
    }
}
