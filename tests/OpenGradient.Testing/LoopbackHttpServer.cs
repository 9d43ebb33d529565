using System.Globalization;
using System.Net;

namespace OpenGradient.Testing;

/// <summary>
/// A plain HTTP listener on 127.0.0.1 and a free port, for test doubles in front of a node (JSON-RPC proxies that refuse,
/// drop or delay on purpose). Each request is handed to the handler on its own task; the handler answers and closes it.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const int MaxBindAttempts = 5;
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    private LoopbackHttpServer(HttpListener listener, Uri url, Func<HttpListenerContext, Task> handle)
    {
        _listener = listener;
        _handle = handle;
        Url = url;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where clients connect (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Url { get; }

    /// <summary>Starts listening; a port taken between choosing and binding it is replaced by another.</summary>
    /// <param name="handle">Answers one request (sets the status, writes, closes or aborts the response).</param>
    public static LoopbackHttpServer Start(Func<HttpListenerContext, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        for (int attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, url, handle);
            }
            catch (HttpListenerException) when (attempt < MaxBindAttempts)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => _handle(context));
        }
    }
}
