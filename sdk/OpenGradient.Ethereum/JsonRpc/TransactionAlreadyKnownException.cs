using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The node rejected a transaction: already known. The node already holds this exact transaction (same hash) in its pool or chain; do not re-send it, wait for its receipt instead.</summary>
public sealed class TransactionAlreadyKnownException : JsonRpcException
{
    public TransactionAlreadyKnownException(string method, int code, string rpcMessage, JsonElement? data)
        : base(method, code, rpcMessage, data, $"The node rejected {method} ({rpcMessage}). The node already holds this exact transaction (same hash) in its pool or chain; do not re-send it, wait for its receipt instead.")
    {
    }
}
