using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenGradient.Inference.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and an OS-chosen port: answers every GET with the
/// status and body that <c>respond(requestNumber)</c> gives, then closes the connection. Status 0
/// makes the server hang on that request (for timeout tests).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, (int Status, byte[] Body)> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<Task> _connections = [];
    private int _requests;

    public LoopbackHttpServer(Func<int, (int Status, byte[] Body)> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Requests => Volatile.Read(ref _requests);

    public string Url(string path) => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{path}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // One task per connection, so a hanging request does not block the next attempt.
            lock (_connections)
            {
                _connections.Add(HandleAsync(client));
            }
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client.GetStream());
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // The client gave up or the server is stopping.
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var number = Interlocked.Increment(ref _requests);
        var (status, body) = _respond(number);
        if (status == 0)
        {
            // Status 0 means "hang": hold the connection open without answering until the server stops.
            await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            return;
        }

        var head = $"HTTP/1.1 {status} Status{status}\r\nContent-Type: application/octet-stream\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }
}
