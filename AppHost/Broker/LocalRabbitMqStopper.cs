using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Commerce.AppHost.Broker;

/// <summary>Stops the local node cleanly when the AppHost stops, so no Erlang VM outlives the fleet.</summary>
public sealed class LocalRabbitMqStopper(string nodeName) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var ctl = Process.Start(new ProcessStartInfo(LocalRabbitMqResource.ControlScript, ["-n", nodeName, "stop"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (ctl is null) return;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await ctl.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            // The node may already be gone; nothing else to clean up.
        }
    }
}
