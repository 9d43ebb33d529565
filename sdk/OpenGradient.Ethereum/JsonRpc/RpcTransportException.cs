namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// The request did not get a usable JSON-RPC answer: the node was unreachable, timed out, answered with an
/// HTTP error, or sent something that is not JSON-RPC. <see cref="IsTransient"/> says whether trying again later
/// can help; idempotent reads are already retried by the client before this is thrown.
/// </summary>
public class RpcTransportException : EthereumException
{
    public RpcTransportException(string endpoint, RpcTransportFailure failure, string message, int? httpStatus = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        Failure = failure;
        HttpStatus = httpStatus;
    }

    /// <summary>The endpoint (URL) that was called.</summary>
    public string Endpoint { get; }

    /// <summary>The kind of failure.</summary>
    public RpcTransportFailure Failure { get; }

    /// <summary>The HTTP status code, when the server answered.</summary>
    public int? HttpStatus { get; }

    /// <summary>Whether the same request may succeed if sent again: connection failures, timeouts, 5xx, 429.</summary>
    public bool IsTransient => Failure switch
    {
        RpcTransportFailure.ConnectionRefused or RpcTransportFailure.ConnectionFailed or RpcTransportFailure.Timeout => true,
        RpcTransportFailure.HttpStatus => HttpStatus is >= 500 or 429 or 408,
        _ => false,
    };
}
