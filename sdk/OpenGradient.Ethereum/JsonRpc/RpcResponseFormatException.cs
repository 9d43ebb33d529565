namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// The node's JSON-RPC answer was well-formed JSON-RPC, but a result field was missing or of the wrong form
/// (e.g. a quantity that is not 0x-hex, a 31-byte hash, or an answer to a request id that was not sent).
/// </summary>
public sealed class RpcResponseFormatException : EthereumException
{
    public RpcResponseFormatException(string method, string message, Exception? innerException = null)
        : base($"The answer to {method} is malformed: {message} The endpoint may not be an Ethereum node, or it may implement {method} differently; check the node software and version.", innerException)
    {
        Method = method;
    }

    /// <summary>The method whose answer was malformed.</summary>
    public string Method { get; }
}
