using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The node rejected a transaction: nonce too low. The transaction's nonce is lower than the sender's next nonce: a transaction with that nonce was already mined. Fetch the nonce again with eth_getTransactionCount(address, pending) and re-sign.</summary>
public sealed class NonceTooLowException : JsonRpcException
{
    public NonceTooLowException(string method, int code, string rpcMessage, JsonElement? data)
        : base(method, code, rpcMessage, data, $"The node rejected {method} ({rpcMessage}). The transaction's nonce is lower than the sender's next nonce: a transaction with that nonce was already mined. Fetch the nonce again with eth_getTransactionCount(address, pending) and re-sign.")
    {
    }
}
