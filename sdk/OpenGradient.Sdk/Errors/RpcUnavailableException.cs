namespace OpenGradient.Sdk;

/// <summary>The JSON-RPC node cannot be reached (connection refused, timeout, not an Ethereum node).</summary>
public sealed class RpcUnavailableException : InferenceClientException
{
    public RpcUnavailableException(string endpoint, Exception innerException)
        : base($"The Ethereum node at {endpoint} cannot be reached ({innerException?.Message}). Check that the node is running and the RPC URL (scheme, host, port) is right, then retry.", innerException)
    {
        Endpoint = endpoint;
    }

    /// <summary>The RPC URL that failed.</summary>
    public string Endpoint { get; }
}
