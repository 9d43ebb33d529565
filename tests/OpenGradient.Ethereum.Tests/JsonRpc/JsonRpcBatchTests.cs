using NUnit.Framework;
using System.Numerics;
using System.Text.Json;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

[TestFixture]
public sealed class JsonRpcBatchTests
{
    private static readonly Address Alice = Address.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

    [Test]
    public async Task Send_AnswersOutOfOrder_MatchedById()
    {
        // Answers reversed: matching must go by id, not position.
        var transport = new InMemoryRpcTransport().Then(request =>
        {
            long first = request[0].GetProperty("id").GetInt64();
            long second = request[1].GetProperty("id").GetInt64();
            return $$"""[{"jsonrpc":"2.0","id":{{second}},"result":"0x10"},{"jsonrpc":"2.0","id":{{first}},"result":"0x7a69"}]""";
        });
        using var client = new JsonRpcClient(transport);
        JsonRpcBatch batch = client.CreateBatch();
        Task<ulong> chainId = batch.Add(EthRequests.ChainId());
        Task<BigInteger> balance = batch.Add(EthRequests.GetBalance(Alice));

        await batch.SendAsync();

        Assert.That(await chainId, Is.EqualTo(31337UL));
        Assert.That(await balance, Is.EqualTo(new BigInteger(16)));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
        using JsonDocument sent = JsonDocument.Parse(transport.Requests[0]);
        Assert.That(sent.RootElement.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Send_PerItemError_FaultsOnlyThatItem()
    {
        var transport = new InMemoryRpcTransport().Then(request =>
        {
            long first = request[0].GetProperty("id").GetInt64();
            long second = request[1].GetProperty("id").GetInt64();
            return $$$"""[{"jsonrpc":"2.0","id":{{{first}}},"result":"0x5"},{"jsonrpc":"2.0","id":{{{second}}},"error":{"code":3,"message":"execution reverted","data":"0x"}}]""";
        });
        using var client = new JsonRpcClient(transport);
        JsonRpcBatch batch = client.CreateBatch();
        Task<ulong> number = batch.Add(EthRequests.BlockNumber());
        Task<byte[]> call = batch.Add(EthRequests.Call(new CallRequest { To = Alice }));

        await batch.SendAsync();

        Assert.That(await number, Is.EqualTo(5UL));
        Assert.ThrowsAsync<ContractRevertedException>(() => call);
    }

    [Test]
    public async Task Send_AnswerWithUnknownIds_FaultsUnansweredItemsWithFormatException()
    {
        var transport = new InMemoryRpcTransport().Then(request =>
        {
            long first = request[0].GetProperty("id").GetInt64();
            return $$"""[{"jsonrpc":"2.0","id":{{first}},"result":"0x1"},{"jsonrpc":"2.0","id":4242,"result":"0x2"}]""";
        });
        using var client = new JsonRpcClient(transport);
        JsonRpcBatch batch = client.CreateBatch();
        Task<ulong> answered = batch.Add(EthRequests.BlockNumber());
        Task<ulong> unanswered = batch.Add(EthRequests.ChainId());

        await batch.SendAsync();

        Assert.That(await answered, Is.EqualTo(1UL));
        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => unanswered);
        Assert.That(e!.Method, Is.EqualTo("eth_chainId"));
    }

    [Test]
    public async Task Send_MalformedItemResult_FaultsOnlyThatItem()
    {
        var transport = new InMemoryRpcTransport().Then(request =>
        {
            long first = request[0].GetProperty("id").GetInt64();
            long second = request[1].GetProperty("id").GetInt64();
            return $$"""[{"jsonrpc":"2.0","id":{{first}},"result":"0xnothex"},{"jsonrpc":"2.0","id":{{second}},"result":"0x2"}]""";
        });
        using var client = new JsonRpcClient(transport);
        JsonRpcBatch batch = client.CreateBatch();
        Task<ulong> bad = batch.Add(EthRequests.BlockNumber());
        Task<ulong> good = batch.Add(EthRequests.ChainId());

        await batch.SendAsync();

        Assert.ThrowsAsync<RpcResponseFormatException>(() => bad);
        Assert.That(await good, Is.EqualTo(2UL));
    }

    [Test]
    public void Send_WholeBatchRefusedWithOneError_FaultsEveryItemAndThrows()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}"""));
        JsonRpcBatch batch = client.CreateBatch();
        Task<ulong> first = batch.Add(EthRequests.BlockNumber());
        Task<ulong> second = batch.Add(EthRequests.ChainId());

        Assert.ThrowsAsync<JsonRpcException>(() => batch.SendAsync());
        Assert.ThrowsAsync<JsonRpcException>(() => first);
        Assert.ThrowsAsync<JsonRpcException>(() => second);
    }

    [Test]
    public void Send_HtmlInsteadOfArray_FaultsEveryItemWithTransportException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("<html>gateway</html>"));
        JsonRpcBatch batch = client.CreateBatch();
        Task<ulong> item = batch.Add(EthRequests.BlockNumber());

        Assert.ThrowsAsync<RpcTransportException>(() => batch.SendAsync());
        Assert.ThrowsAsync<RpcTransportException>(() => item);
    }

    [Test]
    public async Task Send_Twice_ThrowsInvalidOperationException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("[]"));
        JsonRpcBatch batch = client.CreateBatch();
        await batch.SendAsync();

        Assert.Throws<InvalidOperationException>(() => batch.SendAsync());
        Assert.Throws<InvalidOperationException>(() => batch.Add(EthRequests.ChainId()));
    }
}
