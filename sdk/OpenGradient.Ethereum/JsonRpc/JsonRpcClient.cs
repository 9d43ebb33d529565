using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.Timeout;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// A typed Ethereum JSON-RPC client: the <c>eth_*</c> methods as typed calls, batching, typed errors, and
/// retries of idempotent reads on transient transport failures (never of <c>eth_sendRawTransaction</c>).
/// Thread-safe; create one per endpoint and share it.
/// </summary>
public sealed partial class JsonRpcClient : IDisposable
{
    private readonly IRpcTransport _transport;
    private readonly bool _ownsTransport;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _writes;
    private long _nextId;

    /// <summary>Creates a client for an HTTP(S) endpoint, with its own transport.</summary>
    public JsonRpcClient(Uri endpoint, JsonRpcClientOptions? options = null, TimeProvider? timeProvider = null)
        : this(new HttpRpcTransport(endpoint), options, timeProvider, ownsTransport: true)
    {
    }

    /// <summary>Creates a client on a caller-owned transport.</summary>
    public JsonRpcClient(IRpcTransport transport, JsonRpcClientOptions? options = null, TimeProvider? timeProvider = null)
        : this(transport, options, timeProvider, ownsTransport: false)
    {
    }

    private JsonRpcClient(IRpcTransport transport, JsonRpcClientOptions? options, TimeProvider? timeProvider, bool ownsTransport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Options = options ?? new JsonRpcClientOptions();
        Options.Validate();
        TimeProvider = timeProvider ?? TimeProvider.System;
        _transport = transport;
        _ownsTransport = ownsTransport;
        _reads = RpcResiliencePipeline.ForReads(Options.Resilience, TimeProvider);
        _writes = RpcResiliencePipeline.ForWrites(Options.Resilience, TimeProvider);
    }

    /// <summary>The endpoint requests go to.</summary>
    public string Endpoint => _transport.Endpoint;

    /// <summary>The settings in use.</summary>
    public JsonRpcClientOptions Options { get; }

    /// <summary>The clock used for timeouts, retry delays and receipt polling.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Starts a batch: add calls, then send them in one request.</summary>
    public JsonRpcBatch CreateBatch() => new(this);

    /// <summary>Sends one typed call.</summary>
    /// <exception cref="JsonRpcException">The node answered with an error (or a subtype such as <see cref="ContractRevertedException"/>).</exception>
    /// <exception cref="RpcTransportException">No usable answer after any retries.</exception>
    /// <exception cref="RpcResponseFormatException">The result had the wrong form.</exception>
    public Task<T> SendAsync<T>(RpcRequest<T> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        long id = Interlocked.Increment(ref _nextId);
        byte[] payload = Serialize(writer => WriteCall(writer, id, request.Method, request.WriteParams));
        return ExecuteAsync(request.Method, request.IsIdempotent, payload, response => ParseSingle(request, id, response), cancellationToken);
    }

    /// <summary>
    /// Sends any method with parameters serialized by System.Text.Json (addresses, byte arrays, big integers and
    /// block parameters as Ethereum hex) and returns the raw result. Known read methods are retried on transient failures.
    /// </summary>
    [RequiresUnreferencedCode("Parameters are serialized by reflection; use EthRequests for trimmed or AOT apps.")]
    [RequiresDynamicCode("Parameters are serialized by reflection; use EthRequests for trimmed or AOT apps.")]
    public Task<JsonElement> SendAsync(string method, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.Raw(method, parameters), cancellationToken);

    /// <summary>Like <see cref="SendAsync(string, IReadOnlyList{object?}?, CancellationToken)"/>, deserializing the result with <paramref name="resultType"/>.</summary>
    [RequiresUnreferencedCode("Parameters are serialized by reflection; use EthRequests for trimmed or AOT apps.")]
    [RequiresDynamicCode("Parameters are serialized by reflection; use EthRequests for trimmed or AOT apps.")]
    public async Task<T> SendAsync<T>(string method, IReadOnlyList<object?>? parameters, JsonTypeInfo<T> resultType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        JsonElement result = await SendAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        try
        {
            return result.Deserialize(resultType)!;
        }
        catch (JsonException e)
        {
            throw new RpcResponseFormatException(method, $"the result {result.GetRawText()} cannot be read as {typeof(T).Name} ({e.Message}).", e);
        }
    }

    /// <summary>Like <see cref="SendAsync(string, IReadOnlyList{object?}?, CancellationToken)"/>, deserializing the result by reflection.</summary>
    [RequiresUnreferencedCode("The result is deserialized by reflection; pass a JsonTypeInfo for trimmed or AOT apps.")]
    [RequiresDynamicCode("The result is deserialized by reflection; pass a JsonTypeInfo for trimmed or AOT apps.")]
    public Task<T> SendAsync<T>(string method, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        SendAsync(method, parameters, (JsonTypeInfo<T>)RpcJsonSerializer.Options.GetTypeInfo(typeof(T)), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsTransport && _transport is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    internal async Task SendBatchAsync(List<BatchItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        bool idempotent = true;
        foreach (BatchItem item in items)
        {
            item.Id = Interlocked.Increment(ref _nextId);
            idempotent &= item.IsIdempotent;
        }

        byte[] payload = Serialize(writer =>
        {
            writer.WriteStartArray();
            foreach (BatchItem item in items)
            {
                WriteCall(writer, item.Id, item.Method, item.WriteParams);
            }

            writer.WriteEndArray();
        });

        string label = $"a batch of {items.Count} calls (first: {items[0].Method})";
        try
        {
            await ExecuteAsync(label, idempotent, payload, response => DispatchBatch(label, items, response), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EthereumException or OperationCanceledException)
        {
            foreach (BatchItem item in items)
            {
                item.Fail(e);
            }

            throw;
        }
    }

    private async Task<TResult> ExecuteAsync<TResult>(
        string method,
        bool idempotent,
        byte[] payload,
        Func<RpcTransportResponse, TResult> handle,
        CancellationToken cancellationToken)
    {
        ResiliencePipeline pipeline = idempotent ? _reads : _writes;
        try
        {
            return await pipeline.ExecuteAsync(
                async token => handle(await _transport.SendAsync(payload, token).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new RpcTransportException(
                Endpoint,
                RpcTransportFailure.Timeout,
                $"{Endpoint} did not answer {method} within {Options.Resilience.AttemptTimeout.TotalSeconds:0.###} s" +
                (idempotent ? $" (tried {Options.Resilience.MaxRetryAttempts + 1} times)" : string.Empty) +
                ". Check the node is healthy and not overloaded, or raise RpcResilienceOptions.AttemptTimeout.",
                innerException: e);
        }
    }

    private T ParseSingle<T>(RpcRequest<T> request, long id, RpcTransportResponse response)
    {
        using JsonDocument document = ParseBody(request.Method, response);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw NotJsonRpc(request.Method, response, $"the answer is a JSON {root.ValueKind}, not a JSON-RPC response object");
        }

        bool hasResult = root.TryGetProperty("result", out JsonElement result);
        bool hasError = root.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null;
        if (!hasResult && !hasError)
        {
            throw NotJsonRpc(request.Method, response, "the answer has neither 'result' nor 'error'");
        }

        // A node answers a request it could not parse with "id": null and an error; accept that pairing.
        bool idMatches = root.TryGetProperty("id", out JsonElement idElement) && IdEquals(idElement, id);
        if (!idMatches && !(hasError && (idElement.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)))
        {
            throw new RpcResponseFormatException(
                request.Method,
                $"the answer carries id {(idElement.ValueKind == JsonValueKind.Undefined ? "(none)" : idElement.GetRawText())} but the request had id {id}.");
        }

        if (hasError)
        {
            throw RpcErrors.FromErrorObject(request.Method, error);
        }

        return request.Parse(result);
    }

    private bool DispatchBatch(string label, List<BatchItem> items, RpcTransportResponse response)
    {
        using JsonDocument document = ParseBody(label, response);
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            // Some nodes refuse a whole batch (too large, batching disabled) with one error object.
            if (root.TryGetProperty("error", out JsonElement batchError) && batchError.ValueKind == JsonValueKind.Object)
            {
                throw RpcErrors.FromErrorObject(label, batchError);
            }

            throw NotJsonRpc(label, response, "a batch was answered with a single object instead of an array");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw NotJsonRpc(label, response, $"a batch was answered with a JSON {root.ValueKind} instead of an array");
        }

        var byId = new Dictionary<long, JsonElement>(items.Count);
        foreach (JsonElement answer in root.EnumerateArray())
        {
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("id", out JsonElement idElement) && TryReadId(idElement, out long answerId))
            {
                byId.TryAdd(answerId, answer);
            }
        }

        foreach (BatchItem item in items)
        {
            if (!byId.TryGetValue(item.Id, out JsonElement answer))
            {
                item.Fail(new RpcResponseFormatException(item.Method, $"the batch answer has no entry with id {item.Id} (it held {root.GetArrayLength()} entries for {items.Count} calls)."));
                continue;
            }

            if (answer.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
            {
                try
                {
                    item.Fail(RpcErrors.FromErrorObject(item.Method, error));
                }
                catch (RpcResponseFormatException e)
                {
                    item.Fail(e);
                }
            }
            else if (answer.TryGetProperty("result", out JsonElement result))
            {
                item.Complete(result);
            }
            else
            {
                item.Fail(new RpcResponseFormatException(item.Method, $"the batch entry with id {item.Id} has neither 'result' nor 'error'."));
            }
        }

        return true;
    }

    private JsonDocument ParseBody(string method, RpcTransportResponse response)
    {
        try
        {
            return JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            throw NotJsonRpc(method, response, $"the body is not valid JSON ({e.Message})", e);
        }
    }

    private RpcTransportException NotJsonRpc(string method, RpcTransportResponse response, string problem, Exception? inner = null)
    {
        string snippet = Snippet(response.Body.Span);
        if (response.StatusCode is < 200 or > 299)
        {
            return new RpcTransportException(
                Endpoint,
                RpcTransportFailure.HttpStatus,
                $"{Endpoint} answered {method} with HTTP {response.StatusCode}: '{snippet}'. " +
                (response.StatusCode >= 500 || response.StatusCode == 429
                    ? "The node or a proxy in front of it is failing or overloaded; it was retried if the call is safe to repeat."
                    : "Check the URL (path, API key) and that the endpoint accepts JSON-RPC POSTs."),
                response.StatusCode,
                inner);
        }

        return new RpcTransportException(
            Endpoint,
            RpcTransportFailure.MalformedResponse,
            $"{Endpoint} answered {method} with something that is not JSON-RPC: {problem}. Body: '{snippet}'. " +
            "Check the URL points at an Ethereum JSON-RPC endpoint, not a web page or a proxy's error page.",
            response.StatusCode,
            inner);
    }

    private static string Snippet(ReadOnlySpan<byte> body)
    {
        const int Max = 200;
        string text = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, Max)]).ReplaceLineEndings(" ");
        return body.Length > Max ? text + "..." : text;
    }

    private static bool IdEquals(JsonElement element, long id) => TryReadId(element, out long value) && value == id;

    private static bool TryReadId(JsonElement element, out long id)
    {
        id = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out id),
            JsonValueKind.String => long.TryParse(element.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id),
            _ => false,
        };
    }

    private static void WriteCall(Utf8JsonWriter writer, long id, string method, Action<Utf8JsonWriter> writeParams)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        writeParams(writer);
        writer.WriteEndObject();
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
