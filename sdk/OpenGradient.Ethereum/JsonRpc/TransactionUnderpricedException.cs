using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The node rejected a transaction: underpriced. The transaction's fees are too low: below the next block's base fee, below the node's minimum, or not enough above a pending transaction with the same nonce to replace it (raise both fee caps by at least 10%).</summary>
public sealed class TransactionUnderpricedException : JsonRpcException
{
    public TransactionUnderpricedException(string method, int code, string rpcMessage, JsonElement? data)
        : base(method, code, rpcMessage, data, $"The node rejected {method} ({rpcMessage}). The transaction's fees are too low: below the next block's base fee, below the node's minimum, or not enough above a pending transaction with the same nonce to replace it (raise both fee caps by at least 10%).")
    {
    }
}
