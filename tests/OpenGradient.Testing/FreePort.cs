using System.Net;
using System.Net.Sockets;

namespace OpenGradient.Testing;

/// <summary>Free TCP ports on the loopback interface, for test servers that must never take a fixed port.</summary>
public static class FreePort
{
    /// <summary>
    /// Returns a port that was free on 127.0.0.1 a moment ago (the OS picked it for a listener on port 0).
    /// Another process could take it before the caller binds, so callers that start a server retry with a
    /// new port when the bind fails. Never returns 8545, the default JSON-RPC port a developer may be using.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (port != 8545)
            {
                return port;
            }
        }
    }
}
