using NUnit.Framework;
using System.Numerics;
using System.Text.Json;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

[TestFixture]
public sealed class JsonRpcClientTests
{
    private const string BlockJson = """
        {"hash":"0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377","parentHash":"0x0000000000000000000000000000000000000000000000000000000000000000",
         "number":"0x1b","gasUsed":"0x5208","gasLimit":"0x3938700","timestamp":"0x6b069ed1","baseFeePerGas":"0x3b9aca00",
         "miner":"0x0000000000000000000000000000000000000000","transactions":["0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6"]}
        """;

    private const string ReceiptJson = """
        {"transactionHash":"0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6","transactionIndex":"0x0",
         "blockHash":"0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377","blockNumber":"0x1b",
         "from":"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266","to":"0x70997970c51812dc3a010c7d01b50e0d17dc79c8","contractAddress":null,
         "status":"0x1","gasUsed":"0x5208","cumulativeGasUsed":"0x5208","effectiveGasPrice":"0x3b9aca01","type":"0x2",
         "logs":[{"address":"0x5fbdb2315678afecb367f032d93f642f64180aa3","topics":["0x1111111111111111111111111111111111111111111111111111111111111111"],
                  "data":"0x01","blockNumber":"0x1b","blockHash":"0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377",
                  "transactionHash":"0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6","transactionIndex":"0x0","logIndex":"0x0","removed":true}]}
        """;

    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    [Test]
    public async Task GetChainId_HexQuantity_ReturnsValue()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult("\"0x7a69\""));

        Assert.That(await client.GetChainIdAsync(), Is.EqualTo(31337UL));
    }

    [TestCase("\"0xzz\"")]
    [TestCase("\"123\"")]
    [TestCase("\"0x\"")]
    [TestCase("123")]
    [TestCase("\"0x10000000000000000\"")]
    [TestCase("null")]
    public void GetBlockNumber_MalformedQuantity_ThrowsRpcResponseFormatException(string result)
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(result));

        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetBlockNumberAsync());
        Assert.That(e!.Method, Is.EqualTo("eth_blockNumber"));
    }

    [Test]
    public async Task GetBalance_LargeQuantity_ReadsUnsigned()
    {
        var transport = new InMemoryRpcTransport().ThenResult("\"0x80\"");
        using var client = new JsonRpcClient(transport);

        BigInteger balance = await client.GetBalanceAsync(Alice, BlockParameter.Pending);

        Assert.That(balance, Is.EqualTo(new BigInteger(128)));
        Assert.That(transport.Requests[0], Does.Contain("\"params\":[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"pending\"]"));
    }

    [Test]
    public async Task GetBlock_ByNumber_ParsesHeaderFields()
    {
        var transport = new InMemoryRpcTransport().ThenResult(BlockJson);
        using var client = new JsonRpcClient(transport);

        Block? block = await client.GetBlockAsync(27UL);

        Assert.That(block, Is.Not.Null);
        Assert.That(block!.Number, Is.EqualTo(27UL));
        Assert.That(block.Hash, Is.EqualTo("0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377"));
        Assert.That(block.Timestamp, Is.EqualTo(0x6b069ed1UL));
        Assert.That(block.BaseFeePerGas, Is.EqualTo(new BigInteger(1_000_000_000)));
        Assert.That(block.TransactionHashes, Has.Count.EqualTo(1));
        Assert.That(block.Transactions, Is.Empty);
        Assert.That(transport.Requests[0], Does.Contain("\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x1b\",false]"));
    }

    [Test]
    public async Task GetBlock_ByHash_UsesGetBlockByHash()
    {
        var transport = new InMemoryRpcTransport().ThenResult("null");
        using var client = new JsonRpcClient(transport);

        Block? block = await client.GetBlockAsync(BlockParameter.Hash("0xBD441F14CB9D9BCCD799E4972CC2683A9348D6F5AA26AD462FE9CD1CAD913377"), fullTransactions: true);

        Assert.That(block, Is.Null);
        Assert.That(transport.Requests[0], Does.Contain("\"method\":\"eth_getBlockByHash\",\"params\":[\"0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377\",true]"));
    }

    [Test]
    public void GetBlock_Pending_ThrowsArgumentExceptionBeforeSending()
    {
        var transport = new InMemoryRpcTransport().ThenResult("null");
        using var client = new JsonRpcClient(transport);

        Assert.ThrowsAsync<ArgumentException>(() => client.GetBlockAsync(BlockParameter.Pending));
        Assert.That(transport.Requests, Is.Empty);
    }

    [Test]
    public void GetBlock_MissingHash_ThrowsRpcResponseFormatException()
    {
        string withoutHash = BlockJson.Replace("\"hash\":\"0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377\",", string.Empty, StringComparison.Ordinal);
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(withoutHash));

        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetBlockAsync(BlockParameter.Latest));
        Assert.That(e!.Message, Does.Contain("'hash'"));
    }

    [Test]
    public void GetBlock_ShortHash_ThrowsRpcResponseFormatException()
    {
        string shortHash = BlockJson.Replace("0xbd441f14cb9d9bccd799e4972cc2683a9348d6f5aa26ad462fe9cd1cad913377", "0xbd44", StringComparison.Ordinal);
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(shortHash));

        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetBlockAsync(BlockParameter.Latest));
        Assert.That(e!.Message, Does.Contain("2 bytes where 32"));
    }

    [Test]
    public async Task GetTransactionReceipt_ParsesStatusGasAndLogs()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(ReceiptJson));

        TransactionReceipt? receipt = await client.GetTransactionReceiptAsync("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6");

        Assert.That(receipt, Is.Not.Null);
        Assert.That(receipt!.Succeeded, Is.True);
        Assert.That(receipt.GasUsed, Is.EqualTo(21000UL));
        Assert.That(receipt.EffectiveGasPrice, Is.EqualTo(new BigInteger(1_000_000_001)));
        Assert.That(receipt.ContractAddress, Is.Null);
        Assert.That(receipt.From, Is.EqualTo(Alice));
        Assert.That(receipt.Logs, Has.Count.EqualTo(1));
        Assert.That(receipt.Logs[0].Removed, Is.True);
        Assert.That(receipt.Logs[0].Data, Is.EqualTo(new byte[] { 1 }));
        Assert.That(receipt.Logs[0].BlockHash, Is.EqualTo(receipt.BlockHash));
    }

    [Test]
    public async Task GetTransactionReceipt_UpperCaseHashes_NormalizedToLowerCase()
    {
        string upper = ReceiptJson.Replace("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6", "0x0DA9E0B9EDE9B780554F62432D41E2D4DF3540FB1FE37264B5CEFF45F4D0D4E6", StringComparison.Ordinal);
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(upper));

        TransactionReceipt? receipt = await client.GetTransactionReceiptAsync("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6");

        Assert.That(receipt!.TransactionHash, Is.EqualTo("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6"));
        Assert.That(receipt.Logs[0].TransactionHash, Is.EqualTo(receipt.TransactionHash));
    }

    [Test]
    public void GetTransactionReceipt_HashWithNonHexCharacter_ThrowsRpcResponseFormatException()
    {
        string broken = ReceiptJson.Replace("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6", "0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4eg", StringComparison.Ordinal);
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(broken));

        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetTransactionReceiptAsync("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6"));
        Assert.That(e!.Message, Does.Contain("'g'"));
    }

    [Test]
    public async Task GetTransactionReceipt_NotMined_ReturnsNull()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult("null"));

        Assert.That(await client.GetTransactionReceiptAsync("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6"), Is.Null);
    }

    [Test]
    public void GetTransactionReceipt_LogWithoutTopics_ThrowsRpcResponseFormatException()
    {
        string broken = ReceiptJson.Replace("\"topics\":[\"0x1111111111111111111111111111111111111111111111111111111111111111\"],", string.Empty, StringComparison.Ordinal);
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(broken));

        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetTransactionReceiptAsync("0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6"));
        Assert.That(e!.Message, Does.Contain("'topics'"));
    }

    [Test]
    public async Task GetFeeHistory_ParsesBaseFeesRatiosAndRewards()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult(
            """{"oldestBlock":"0x10","baseFeePerGas":["0x1","0x2","0x3"],"gasUsedRatio":[0.5,0.25],"reward":[["0xa"],["0xb"]]}"""));

        FeeHistory history = await client.GetFeeHistoryAsync(2, BlockParameter.Latest, [50.0]);

        Assert.That(history.OldestBlock, Is.EqualTo(16UL));
        Assert.That(history.BaseFeePerGas, Is.EqualTo(new BigInteger[] { 1, 2, 3 }));
        Assert.That(history.GasUsedRatio, Is.EqualTo(new[] { 0.5, 0.25 }));
        Assert.That(history.Reward[1][0], Is.EqualTo(new BigInteger(11)));
    }

    [Test]
    public async Task Call_WithStateOverride_WritesCallObjectBlockAndOverrides()
    {
        var transport = new InMemoryRpcTransport().ThenResult("\"0x01\"");
        using var client = new JsonRpcClient(transport);
        var call = new CallRequest { From = Alice, To = Alice, Data = new byte[] { 0xab, 0xcd }, Value = 5 };
        var overrides = new Dictionary<Address, AccountOverride> { [Alice] = new() { Balance = 16, Code = new byte[] { 0x60 } } };

        byte[] output = await client.CallAsync(call, 7UL, overrides);

        Assert.That(output, Is.EqualTo(new byte[] { 1 }));
        using JsonDocument request = JsonDocument.Parse(transport.Requests[0]);
        JsonElement parameters = request.RootElement.GetProperty("params");
        Assert.That(parameters[0].GetProperty("data").GetString(), Is.EqualTo("0xabcd"));
        Assert.That(parameters[0].GetProperty("value").GetString(), Is.EqualTo("0x5"));
        Assert.That(parameters[1].GetString(), Is.EqualTo("0x7"));
        Assert.That(parameters[2].GetProperty("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266").GetProperty("balance").GetString(), Is.EqualTo("0x10"));
        Assert.That(parameters[2].GetProperty("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266").GetProperty("code").GetString(), Is.EqualTo("0x60"));
    }

    [Test]
    public async Task GetLogs_TopicsWithOrSetsAndNulls_WritesFilter()
    {
        var transport = new InMemoryRpcTransport().ThenResult("[]");
        using var client = new JsonRpcClient(transport);
        string a = "0x" + new string('a', 64);
        string b = "0x" + new string('B', 64);
        var filter = new LogFilter
        {
            Addresses = [Alice],
            Topics = [LogFilter.AnyOf(a), null, LogFilter.AnyOf(a, b)],
            FromBlock = 1UL,
            ToBlock = BlockParameter.Latest,
        };

        IReadOnlyList<Log> logs = await client.GetLogsAsync(filter);

        Assert.That(logs, Is.Empty);
        using JsonDocument request = JsonDocument.Parse(transport.Requests[0]);
        JsonElement f = request.RootElement.GetProperty("params")[0];
        Assert.That(f.GetProperty("address")[0].GetString(), Is.EqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        Assert.That(f.GetProperty("topics").GetRawText(), Is.EqualTo($"[\"{a}\",null,[\"{a}\",\"{b.ToLowerInvariant()}\"]]"));
        Assert.That(f.GetProperty("fromBlock").GetString(), Is.EqualTo("0x1"));
        Assert.That(f.GetProperty("toBlock").GetString(), Is.EqualTo("latest"));
    }

    [Test]
    public void GetLogs_BlockHashAndRange_ThrowsArgumentException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenResult("[]"));
        var filter = new LogFilter { BlockHash = "0x" + new string('a', 64), FromBlock = 1UL };

        Assert.ThrowsAsync<ArgumentException>(() => client.GetLogsAsync(filter));
    }

    [Test]
    public void Send_HtmlErrorPageWith200_ThrowsMalformedResponseTransportException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("<html><body>Welcome to nginx</body></html>"));

        var e = Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());
        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.MalformedResponse));
        Assert.That(e.IsTransient, Is.False);
        Assert.That(e.Message, Does.Contain("memory://test").And.Contain("Welcome to nginx"));
    }

    [Test]
    public void Send_TruncatedJson_ThrowsMalformedResponseTransportException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x7a"));

        var e = Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());
        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.MalformedResponse));
    }

    [Test]
    public void Send_ClientErrorStatusWithHtml_ThrowsNonTransientHttpStatusException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("<html>401 Unauthorized</html>", 401));

        var e = Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());
        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.HttpStatus));
        Assert.That(e.HttpStatus, Is.EqualTo(401));
        Assert.That(e.IsTransient, Is.False);
    }

    [Test]
    public void Send_JsonRpcErrorWithHttp500_ThrowsJsonRpcExceptionNotTransportException()
    {
        var transport = new InMemoryRpcTransport().ThenBody("""{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"the method eth_foo does not exist"}}""", 500);
        using var client = new JsonRpcClient(transport);

        var e = Assert.ThrowsAsync<JsonRpcException>(() => client.GetChainIdAsync());
        Assert.That(e!.Code, Is.EqualTo(-32601));
        Assert.That(e.RpcMessage, Does.Contain("does not exist"));
    }

    [Test]
    public void Send_AnswerWithWrongId_ThrowsRpcResponseFormatException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("""{"jsonrpc":"2.0","id":999,"result":"0x1"}"""));

        var e = Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetChainIdAsync());
        Assert.That(e!.Message, Does.Contain("id 999"));
    }

    [Test]
    public void Send_AnswerWithoutResultOrError_ThrowsMalformedResponseTransportException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("""{"jsonrpc":"2.0","id":1}"""));

        var e = Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());
        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.MalformedResponse));
    }

    [Test]
    public void Send_ParseErrorWithNullId_ThrowsJsonRpcException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"""));

        var e = Assert.ThrowsAsync<JsonRpcException>(() => client.GetChainIdAsync());
        Assert.That(e!.Code, Is.EqualTo(-32700));
    }

    [Test]
    public async Task SendGeneric_TypedResult_DeserializesWithReflection()
    {
        var transport = new InMemoryRpcTransport().ThenResult("\"Hardhat/3.18.0\"");
        using var client = new JsonRpcClient(transport);

        string version = await client.SendAsync<string>("web3_clientVersion", []);

        Assert.That(version, Is.EqualTo("Hardhat/3.18.0"));
    }

    [Test]
    public async Task SendGeneric_AddressBytesAndBigIntegerParameters_WrittenAsEthereumHex()
    {
        var transport = new InMemoryRpcTransport().ThenResult("true");
        using var client = new JsonRpcClient(transport);

        await client.SendAsync("hardhat_setBalance", [Alice, new BigInteger(255), new byte[] { 1, 2 }, BlockParameter.Pending]);

        Assert.That(transport.Requests[0], Does.Contain("\"params\":[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"0xff\",\"0x0102\",\"pending\"]"));
    }
}
