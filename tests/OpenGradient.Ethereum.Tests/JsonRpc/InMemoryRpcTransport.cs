using System.Text.Json;
using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

/// <summary>
/// A transport that answers from a script: each request is recorded and answered by the next responder
/// (which sees the request JSON), or by the last one once the script is used up.
/// </summary>
internal sealed class InMemoryRpcTransport : IRpcTransport
{
    private readonly List<Func<JsonElement, RpcTransportResponse>> _responders = [];
    private readonly List<string> _requests = [];

    public string Endpoint => "memory://test";

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Answers with a raw body (status 200 unless given).</summary>
    public InMemoryRpcTransport ThenBody(string body, int status = 200)
    {
        _responders.Add(_ => new RpcTransportResponse(status, System.Text.Encoding.UTF8.GetBytes(body)));
        return this;
    }

    /// <summary>Answers a single request with its own id and this result JSON.</summary>
    public InMemoryRpcTransport ThenResult(string resultJson)
    {
        _responders.Add(request => Json($$"""{"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"result":{{resultJson}}}"""));
        return this;
    }

    /// <summary>Answers a single request with its own id and this error.</summary>
    public InMemoryRpcTransport ThenError(int code, string message, string? dataJson = null)
    {
        string data = dataJson is null ? string.Empty : $",\"data\":{dataJson}";
        _responders.Add(request => Json($$$"""{"jsonrpc":"2.0","id":{{{request.GetProperty("id").GetRawText()}}},"error":{"code":{{{code}}},"message":{{{JsonSerializer.Serialize(message)}}}{{{data}}}}}"""));
        return this;
    }

    /// <summary>Answers with whatever <paramref name="responder"/> builds from the request.</summary>
    public InMemoryRpcTransport Then(Func<JsonElement, string> responder)
    {
        _responders.Add(request => Json(responder(request)));
        return this;
    }

    /// <summary>Fails the attempt as a transport would.</summary>
    public InMemoryRpcTransport ThenThrow(RpcTransportFailure failure, int? status = null)
    {
        _responders.Add(_ => throw new RpcTransportException(Endpoint, failure, $"scripted {failure}", status));
        return this;
    }

    public Task<RpcTransportResponse> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        int index;
        string text = System.Text.Encoding.UTF8.GetString(request.Span);
        lock (_requests)
        {
            index = _requests.Count;
            _requests.Add(text);
        }

        if (_responders.Count == 0)
        {
            throw new InvalidOperationException("The test scripted no answer.");
        }

        using JsonDocument document = JsonDocument.Parse(text);
        Func<JsonElement, RpcTransportResponse> responder = _responders[Math.Min(index, _responders.Count - 1)];
        try
        {
            return Task.FromResult(responder(document.RootElement));
        }
        catch (RpcTransportException e)
        {
            return Task.FromException<RpcTransportResponse>(e);
        }
    }

    private static RpcTransportResponse Json(string body) => new(200, System.Text.Encoding.UTF8.GetBytes(body));
}
