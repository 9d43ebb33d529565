using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// One typed JSON-RPC call: the method, how to write its parameters, and how to read its result. Made by
/// <see cref="EthRequests"/>; sent alone with <see cref="JsonRpcClient.SendAsync{T}(RpcRequest{T}, CancellationToken)"/>
/// or together with others in a <see cref="JsonRpcBatch"/>.
/// </summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class RpcRequest<T>
{
    private readonly Action<Utf8JsonWriter>? _writeParams;
    private readonly Func<RpcJson, JsonElement, T> _parse;

    internal RpcRequest(string method, Action<Utf8JsonWriter>? writeParams, Func<RpcJson, JsonElement, T> parse, bool isIdempotent)
    {
        Method = method;
        _writeParams = writeParams;
        _parse = parse;
        IsIdempotent = isIdempotent;
    }

    /// <summary>The JSON-RPC method name.</summary>
    public string Method { get; }

    /// <summary>Whether sending it twice is harmless, so transient transport failures may be retried.</summary>
    public bool IsIdempotent { get; }

    internal void WriteParams(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        _writeParams?.Invoke(writer);
        writer.WriteEndArray();
    }

    internal T Parse(JsonElement result) => _parse(new RpcJson(Method), result);
}
