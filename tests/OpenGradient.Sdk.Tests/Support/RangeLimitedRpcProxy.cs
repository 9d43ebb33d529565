using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenGradient.Testing;

namespace OpenGradient.Sdk.Tests;

/// <summary>
/// A JSON-RPC endpoint on loopback that forwards to the Hardhat node but, like hosted providers, refuses an
/// <c>eth_getLogs</c> whose block range is wider than <see cref="MaxBlocks"/>. It records every range and topic filter
/// asked for, so a test sees how a scan was split. Batched calls (a JSON array) are forwarded unchecked.
/// </summary>
internal sealed class RangeLimitedRpcProxy : IAsyncDisposable
{
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly LoopbackHttpServer _server;
    private readonly List<LogQuery> _queries = [];
    private readonly List<(Func<(ulong From, ulong To), bool> Wanted, TaskCompletionSource Asked)> _waiters = [];

    private RangeLimitedRpcProxy(Uri target, ulong maxBlocks)
    {
        _target = target;
        MaxBlocks = maxBlocks;
        _server = LoopbackHttpServer.Start(AnswerAsync);
    }

    /// <summary>The widest <c>eth_getLogs</c> range (in blocks, both ends included) the proxy answers.</summary>
    public ulong MaxBlocks { get; }

    /// <summary>The proxy's RPC URL.</summary>
    public Uri Url => _server.Url;

    /// <summary>The block ranges of every <c>eth_getLogs</c> received since the last <see cref="ClearRanges"/>, answered or refused.</summary>
    public IReadOnlyList<(ulong From, ulong To)> Ranges => [.. Queries.Select(q => (q.From, q.To))];

    /// <summary>Every <c>eth_getLogs</c> received since the last <see cref="ClearRanges"/> (its range and topic filter), answered or refused.</summary>
    public IReadOnlyList<LogQuery> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    /// <summary>The error message of a refused query (what Infura-style providers say).</summary>
    public string RefusalMessage => $"query exceeds max block range {MaxBlocks}";

    public static RangeLimitedRpcProxy Start(Uri target, ulong maxBlocks) => new(target, maxBlocks);

    /// <summary>
    /// Completes when an <c>eth_getLogs</c> whose range satisfies <paramref name="wanted"/> has been received (since the
    /// last <see cref="ClearRanges"/>); the proxy may not have answered it yet.
    /// </summary>
    /// <exception cref="TimeoutException">No such query within <paramref name="timeout"/>.</exception>
    public Task WaitForRangeAsync(Func<(ulong From, ulong To), bool> wanted, TimeSpan timeout)
    {
        lock (_queries)
        {
            if (_queries.Any(q => wanted((q.From, q.To))))
            {
                return Task.CompletedTask;
            }

            var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((wanted, asked));
            return asked.Task.WaitAsync(timeout);
        }
    }

    /// <summary>Forgets the queries received so far (<see cref="Ranges"/> and <see cref="Queries"/>).</summary>
    public void ClearRanges()
    {
        lock (_queries)
        {
            _queries.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        _upstream.Dispose();
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync().ConfigureAwait(false);
            string answer = await RefuseIfTooWideAsync(body).ConfigureAwait(false) ?? await ForwardAsync(body).ConfigureAwait(false);
            byte[] bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or HttpListenerException)
        {
            // The client sees a transport failure at once instead of waiting for its timeout.
            context.Response.StatusCode = (int)HttpStatusCode.BadGateway;
        }
        finally
        {
            context.Response.Close();
        }
    }

    /// <summary>The refusal for an <c>eth_getLogs</c> wider than the limit; null for anything else.</summary>
    private async Task<string?> RefuseIfTooWideAsync(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject call || (string?)call["method"] != "eth_getLogs" || call["params"]?[0] is not JsonObject filter)
        {
            return null;
        }

        ulong from = await BlockAsync(filter["fromBlock"]).ConfigureAwait(false);
        ulong to = await BlockAsync(filter["toBlock"]).ConfigureAwait(false);
        IReadOnlyList<IReadOnlyList<string>?> topics = Topics(filter["topics"]);
        lock (_queries)
        {
            _queries.Add(new LogQuery(from, to, topics));
            foreach (var waiter in _waiters.Where(w => w.Wanted((from, to))).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Asked.TrySetResult();
            }
        }

        if (to < from || to - from + 1 <= MaxBlocks)
        {
            return null;
        }

        return new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = call["id"]?.DeepClone(),
            ["error"] = new JsonObject { ["code"] = -32005, ["message"] = RefusalMessage },
        }.ToJsonString();
    }

    /// <summary>A filter's topics as the JSON-RPC spec has them: per position null (any), one value, or a list of values.</summary>
    private static IReadOnlyList<IReadOnlyList<string>?> Topics(JsonNode? topics)
    {
        if (topics is not JsonArray positions)
        {
            return [];
        }

        return
        [
            .. positions.Select(p => p switch
            {
                null => null,
                JsonArray values => (IReadOnlyList<string>?)[.. values.Select(v => (string?)v ?? throw new JsonException("A topic list holds a null."))],
                _ => [(string?)p ?? throw new JsonException("A topic is not a string.")],
            }),
        ];
    }

    private async Task<ulong> BlockAsync(JsonNode? block)
    {
        string text = (string?)block ?? "latest";
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        if (text == "earliest")
        {
            return 0;
        }

        // A tag (latest, safe, finalized, pending): the range a real provider checks ends at the head.
        string head = await ForwardAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}").ConfigureAwait(false);
        using JsonDocument document = JsonDocument.Parse(head);
        return ulong.Parse(document.RootElement.GetProperty("result").GetString().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private async Task<string> ForwardAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _upstream.PostAsync(_target, content).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }
}
