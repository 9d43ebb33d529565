using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// The node answered a JSON-RPC request with an error object. Subtypes name the errors a caller commonly
/// handles (a revert, a nonce that is too low, …); anything else arrives as this type with its code.
/// </summary>
public class JsonRpcException : EthereumException
{
    public JsonRpcException(string method, int code, string rpcMessage, JsonElement? data)
        : this(method, code, rpcMessage, data, Describe(method, code, rpcMessage))
    {
    }

    protected JsonRpcException(string method, int code, string rpcMessage, JsonElement? data, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    /// <summary>The JSON-RPC method that failed, e.g. <c>eth_call</c>.</summary>
    public string Method { get; }

    /// <summary>The error code (e.g. 3 for a revert, -32000 for most node-side rejections, -32601 for an unknown method).</summary>
    public int Code { get; }

    /// <summary>The node's own error message.</summary>
    public string RpcMessage { get; }

    /// <summary>The error's <c>data</c> member, if any (revert data, or an object with more detail).</summary>
    public JsonElement? ErrorData { get; }

    private static string Describe(string method, int code, string rpcMessage) => code switch
    {
        -32601 => $"The node does not support {method} (JSON-RPC error {code}: {rpcMessage}); check the endpoint points at an Ethereum node that enables this method's namespace.",
        -32602 => $"The node rejected the parameters of {method} (JSON-RPC error {code}: {rpcMessage}); check the values passed.",
        _ => $"The node answered {method} with JSON-RPC error {code}: {rpcMessage}",
    };
}
