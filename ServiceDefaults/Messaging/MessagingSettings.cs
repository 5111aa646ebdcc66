namespace Commerce.ServiceDefaults.Messaging;

public sealed class MessagingSettings
{
    public const string SectionName = "Messaging";
    public const string RabbitConnectionName = "rabbit";

    /// <summary>RabbitMq whenever a <c>rabbit</c> connection string is present; InMemory only when a test asks for it.</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.RabbitMq;

    /// <summary>Redelivery intervals before a message goes to its queue's <c>_error</c> queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [200, 1000, 5000];

    public ushort PrefetchCount { get; set; } = 32;
}

public enum MessagingTransport
{
    RabbitMq,
    InMemory,
}
