namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Several calls sent as one JSON-RPC batch (one HTTP request). <see cref="Add{T}"/> returns a task per call that
/// completes when <see cref="SendAsync"/> has the answers, matched by id; each call succeeds or fails on its own
/// (a per-item JSON-RPC error faults only that item's task).
/// </summary>
public sealed class JsonRpcBatch
{
    private readonly JsonRpcClient _client;
    private readonly List<BatchItem> _items = [];
    private bool _sent;

    internal JsonRpcBatch(JsonRpcClient client) => _client = client;

    /// <summary>How many calls the batch holds.</summary>
    public int Count => _items.Count;

    /// <summary>Adds a call; its task completes after <see cref="SendAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The batch was already sent.</exception>
    public Task<T> Add<T>(RpcRequest<T> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_sent)
        {
            throw new InvalidOperationException("This batch was already sent; create a new one with JsonRpcClient.CreateBatch().");
        }

        var item = new BatchItem<T>(request);
        _items.Add(item);
        return item.Task;
    }

    /// <summary>
    /// Sends every call in one request. Retried on transient transport failures only when every call is idempotent.
    /// Per-call JSON-RPC errors fault that call's task, not this one.
    /// </summary>
    /// <exception cref="RpcTransportException">The batch did not get a usable answer (every call's task faults too).</exception>
    /// <exception cref="InvalidOperationException">The batch was already sent.</exception>
    public Task SendAsync(CancellationToken cancellationToken = default)
    {
        if (_sent)
        {
            throw new InvalidOperationException("This batch was already sent; create a new one with JsonRpcClient.CreateBatch().");
        }

        _sent = true;
        return _client.SendBatchAsync(_items, cancellationToken);
    }
}
