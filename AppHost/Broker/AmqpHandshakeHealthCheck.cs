using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Commerce.AppHost.Broker;

/// <summary>Healthy once the node answers the AMQP 0-9-1 protocol header with a Connection.Start frame: it accepts clients.</summary>
public sealed class AmqpHandshakeHealthCheck(int port) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 0, 9, 1 }).ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var frame = new byte[1];
            var read = await stream.ReadAsync(frame, timeout.Token);
            const byte methodFrame = 1;
            return read == 1 && frame[0] == methodFrame
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the port answered, but not with AMQP 0-9-1");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            return HealthCheckResult.Unhealthy($"no AMQP listener on port {port} yet");
        }
    }
}
