using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

/// <summary>What the loopback server does with one request.</summary>
internal abstract record ServerAction
{
    /// <summary>Answer with a status and body.</summary>
    public sealed record Respond(int Status, string Body, string ContentType = "application/json") : ServerAction;

    /// <summary>Close the connection without answering.</summary>
    public sealed record Drop : ServerAction;

    /// <summary>Never answer (until the client gives up or the server is disposed).</summary>
    public sealed record Hang : ServerAction;
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port whose behaviour per request is scripted, for testing
/// how the client copes with dropped connections, 5xx answers and silence. One request per connection.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, string, ServerAction> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly Task _acceptLoop;
    private int _count;

    public LoopbackHttpServer(Func<int, string, ServerAction> script)
    {
        _script = script;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri Url { get; }

    /// <summary>How many requests arrived so far.</summary>
    public int RequestCount => Volatile.Read(ref _count);

    /// <summary>Waits for the next request body to arrive (bounded by <paramref name="timeout"/>).</summary>
    public async Task<string?> NextRequestAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string body = await ReadRequestBodyAsync(stream, _stop.Token);
                int index = Interlocked.Increment(ref _count) - 1;
                ServerAction action = _script(index, body);
                await _received.Writer.WriteAsync(body, _stop.Token);
                switch (action)
                {
                    case ServerAction.Respond respond:
                        byte[] payload = System.Text.Encoding.UTF8.GetBytes(respond.Body);
                        string head = $"HTTP/1.1 {respond.Status} X\r\nContent-Type: {respond.ContentType}\r\nContent-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
                        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head), _stop.Token);
                        await stream.WriteAsync(payload, _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                        break;
                    case ServerAction.Drop:
                        client.Client.LingerState = new LingerOption(true, 0);
                        break;
                    case ServerAction.Hang:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        break;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private static async Task<string> ReadRequestBodyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>(1024);
        var chunk = new byte[4096];
        int headerEnd = -1;
        while (headerEnd < 0)
        {
            int read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                throw new IOException("Connection closed before the headers ended.");
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            headerEnd = IndexOfHeaderEnd(buffer);
        }

        string headers = System.Text.Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        int contentLength = 0;
        foreach (string line in headers.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        int bodyStart = headerEnd + 4;
        while (buffer.Count - bodyStart < contentLength)
        {
            int read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                throw new IOException("Connection closed before the body ended.");
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetRange(bodyStart, contentLength).ToArray());
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (int i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
