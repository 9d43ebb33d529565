namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Carries one serialized JSON-RPC request (single or batch) to a node and returns the raw answer. The client
/// owns ids, parsing, retries and timeouts; a transport sends exactly once per call and reports failures to
/// reach the node as <see cref="RpcTransportException"/>.
/// </summary>
public interface IRpcTransport
{
    /// <summary>Where requests go, for error messages (a URL, or a name for in-process transports).</summary>
    string Endpoint { get; }

    /// <summary>Sends <paramref name="request"/> (UTF-8 JSON) and returns the answer.</summary>
    /// <exception cref="RpcTransportException">The node could not be reached or did not answer.</exception>
    Task<RpcTransportResponse> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken);
}
