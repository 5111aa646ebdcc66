namespace Commerce.AppHost.Broker;

public enum RabbitMode
{
    /// <summary>Container when a Docker engine answers, else the machine's rabbitmq-server.</summary>
    Auto,
    /// <summary>Aspire's RabbitMQ container resource.</summary>
    Container,
    /// <summary>This machine's rabbitmq-server as an executable with its own node name, port and data folder.</summary>
    Local,
    /// <summary>A broker that already runs, named by ConnectionStrings:rabbit.</summary>
    Existing,
}
