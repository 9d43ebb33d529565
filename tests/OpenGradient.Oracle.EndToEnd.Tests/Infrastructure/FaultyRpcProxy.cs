using System.Net;
using System.Net.Http.Headers;
using OpenGradient.Testing;

namespace OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP proxy in front of a JSON-RPC node that misbehaves on purpose: of the requests it sees, a seeded random
/// share is dropped (connection aborted without an answer), delayed, or answered with HTTP 503. The rest are forwarded.
/// </summary>
public sealed class FaultyRpcProxy : IAsyncDisposable
{
    private static readonly HttpClient Upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _target;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly LoopbackHttpServer _server;
    private int _dropped;
    private int _delayed;
    private int _failed;
    private int _forwarded;

    public FaultyRpcProxy(Uri target, double faultShare, TimeSpan delay, int seed = 7)
    {
        _target = target;
        FaultShare = faultShare;
        Delay = delay;
        _random = new Random(seed);
        _server = LoopbackHttpServer.Start(HandleAsync);
    }

    /// <summary>Where clients connect.</summary>
    public Uri Url => _server.Url;

    /// <summary>The share of requests that get a fault (split evenly between drop, delay and 503).</summary>
    public double FaultShare { get; set; }

    /// <summary>How long a delayed request waits before it is forwarded.</summary>
    public TimeSpan Delay { get; }

    public int Dropped => Volatile.Read(ref _dropped);

    public int Delayed => Volatile.Read(ref _delayed);

    public int Failed => Volatile.Read(ref _failed);

    public int Forwarded => Volatile.Read(ref _forwarded);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            double roll;
            lock (_gate)
            {
                roll = _random.NextDouble();
            }

            double third = FaultShare / 3;
            if (roll < third)
            {
                Interlocked.Increment(ref _dropped);
                context.Response.Abort();
                return;
            }

            if (roll < 2 * third)
            {
                Interlocked.Increment(ref _failed);
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }

            if (roll < FaultShare)
            {
                Interlocked.Increment(ref _delayed);
                await Task.Delay(Delay).ConfigureAwait(false);
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage answer = await Upstream.PostAsync(_target, content).ConfigureAwait(false);
            byte[] bytes = await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
            Interlocked.Increment(ref _forwarded);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException or TaskCanceledException)
        {
            // A client that went away or an upstream hiccup: the client sees a dropped connection, which is the point.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }
}
