using System.Net.Http.Headers;
using System.Net.Sockets;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>JSON-RPC over HTTP(S) POST. Timeouts are the client's (per attempt); the <see cref="HttpClient"/>'s own timeout is not relied on.</summary>
public sealed class HttpRpcTransport : IRpcTransport, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly Uri _uri;

    /// <summary>Creates a transport with its own <see cref="HttpClient"/>.</summary>
    public HttpRpcTransport(Uri endpoint)
        : this(endpoint, new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan }, ownsClient: true)
    {
    }

    /// <summary>Creates a transport on a caller-owned <see cref="HttpClient"/> (e.g. from IHttpClientFactory).</summary>
    public HttpRpcTransport(Uri endpoint, HttpClient httpClient)
        : this(endpoint, httpClient, ownsClient: false)
    {
    }

    private HttpRpcTransport(Uri endpoint, HttpClient httpClient, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(httpClient);
        _uri = endpoint;
        _http = httpClient;
        _ownsClient = ownsClient;
    }

    /// <inheritdoc />
    public string Endpoint => _uri.ToString();

    /// <inheritdoc />
    public async Task<RpcTransportResponse> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(request);
        content.Headers.ContentType = JsonContentType;
        using var message = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = content };
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new RpcTransportResponse((int)response.StatusCode, body);
        }
        catch (HttpRequestException e) when (IsConnectionRefused(e))
        {
            throw new RpcTransportException(
                Endpoint,
                RpcTransportFailure.ConnectionRefused,
                $"Nothing accepted a connection at {Endpoint}. Check the node is running and the URL (host, port, http/https) is right.",
                innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new RpcTransportException(
                Endpoint,
                RpcTransportFailure.ConnectionFailed,
                $"The connection to {Endpoint} failed ({e.HttpRequestError}: {e.Message}). Check the network path to the node and that it is not overloaded or restarting.",
                innerException: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only an HttpClient.Timeout shorter than the client's attempt timeout gets here.
            throw new RpcTransportException(
                Endpoint,
                RpcTransportFailure.Timeout,
                $"{Endpoint} did not answer within the HttpClient's timeout ({_http.Timeout}). Raise it or the RPC attempt timeout, or use a less loaded node.",
                innerException: e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }

    private static bool IsConnectionRefused(HttpRequestException e) =>
        e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
