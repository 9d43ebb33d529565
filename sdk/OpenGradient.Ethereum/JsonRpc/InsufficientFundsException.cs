using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The node rejected a transaction: insufficient funds. The sender cannot pay gas limit × max fee + value. Fund the sender, or lower the value, gas limit or fee cap.</summary>
public sealed class InsufficientFundsException : JsonRpcException
{
    public InsufficientFundsException(string method, int code, string rpcMessage, JsonElement? data)
        : base(method, code, rpcMessage, data, $"The node rejected {method} ({rpcMessage}). The sender cannot pay gas limit × max fee + value. Fund the sender, or lower the value, gas limit or fee cap.")
    {
    }
}
