namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>What went wrong below JSON-RPC, in <see cref="RpcTransportException"/>.</summary>
public enum RpcTransportFailure
{
    /// <summary>Nothing listened at the endpoint (the request was certainly not delivered).</summary>
    ConnectionRefused,

    /// <summary>The connection failed or dropped (DNS, reset, closed before a full answer).</summary>
    ConnectionFailed,

    /// <summary>No answer within the attempt timeout.</summary>
    Timeout,

    /// <summary>An HTTP status other than 2xx without a JSON-RPC body.</summary>
    HttpStatus,

    /// <summary>The body was not JSON, or not a JSON-RPC response (e.g. an HTML error page, truncated JSON).</summary>
    MalformedResponse,
}
