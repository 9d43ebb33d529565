namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The raw answer to one request: the status (HTTP, or 200 for transports without one) and the body.</summary>
/// <param name="StatusCode">HTTP status code; 200 for transports without statuses.</param>
/// <param name="Body">The response body bytes.</param>
public sealed record RpcTransportResponse(int StatusCode, ReadOnlyMemory<byte> Body);
