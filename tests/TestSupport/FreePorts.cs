using System.Net;
using System.Net.Sockets;

namespace Commerce.TestSupport;

/// <summary>A loopback port nothing listens on right now: for a host started on it, or for a dependency that is "down".</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
