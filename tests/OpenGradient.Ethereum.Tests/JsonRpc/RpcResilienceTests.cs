using NUnit.Framework;
using Microsoft.Extensions.Time.Testing;
using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

/// <summary>Retries and timeouts, with a scripted in-memory transport and fake time.</summary>
[TestFixture]
public sealed class RpcResilienceTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    private static JsonRpcClientOptions Options(int retries = 3) => new()
    {
        Resilience = new RpcResilienceOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        },
        ReceiptPollInterval = TimeSpan.FromSeconds(1),
        ReceiptTimeout = TimeSpan.FromSeconds(10),
    };

    [Test]
    public async Task Read_TransientFailuresThenSuccess_RetriesAndReturns()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport()
            .ThenThrow(RpcTransportFailure.ConnectionFailed)
            .ThenThrow(RpcTransportFailure.HttpStatus, 503)
            .ThenResult("\"0x7a69\"");
        using var client = new JsonRpcClient(transport, Options(), time);

        ulong chainId = await FakeClock.RunAsync(time, client.GetChainIdAsync(), Step);

        Assert.That(chainId, Is.EqualTo(31337UL));
        Assert.That(transport.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void Read_AlwaysFailing_GivesUpAfterMaxRetries()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport().ThenThrow(RpcTransportFailure.ConnectionRefused);
        using var client = new JsonRpcClient(transport, Options(retries: 2), time);

        var e = Assert.ThrowsAsync<RpcTransportException>(() => FakeClock.RunAsync(time, client.GetBlockNumberAsync(), Step));

        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.ConnectionRefused));
        Assert.That(transport.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void Read_NonTransientFailure_IsNotRetried()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport().ThenThrow(RpcTransportFailure.HttpStatus, 401);
        using var client = new JsonRpcClient(transport, Options(), time);

        Assert.ThrowsAsync<RpcTransportException>(() => FakeClock.RunAsync(time, client.GetBlockNumberAsync(), Step));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Read_JsonRpcError_IsNotRetried()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport().ThenError(-32000, "header not found");
        using var client = new JsonRpcClient(transport, Options(), time);

        Assert.ThrowsAsync<JsonRpcException>(() => FakeClock.RunAsync(time, client.GetBlockNumberAsync(), Step));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void SendRawTransaction_TransientFailure_IsNotRetriedAndReportsTheHashToCheck()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport().ThenThrow(RpcTransportFailure.HttpStatus, 502).ThenResult("\"0x" + new string('1', 64) + "\"");
        using var client = new JsonRpcClient(transport, Options(), time);
        byte[] signed = [0x02, 0xc0];

        var e = Assert.ThrowsAsync<TransactionSubmissionUncertainException>(
            () => FakeClock.RunAsync(time, client.SendRawTransactionAsync(signed), Step));

        Assert.That(transport.Requests, Has.Count.EqualTo(1));
        Assert.That(e!.TransactionHash, Is.EqualTo(OpenGradient.Ethereum.Encoding.Hex.Encode(OpenGradient.Ethereum.Hashing.Keccak256.Hash(signed))));
        Assert.That(e.Message, Does.Contain("eth_getTransactionByHash"));
    }

    [Test]
    public void SendRawTransaction_ConnectionRefused_IsPlainTransportException()
    {
        var transport = new InMemoryRpcTransport().ThenThrow(RpcTransportFailure.ConnectionRefused);
        using var client = new JsonRpcClient(transport, Options());

        var e = Assert.ThrowsAsync<RpcTransportException>(() => client.SendRawTransactionAsync(new byte[] { 1 }));

        Assert.That(e, Is.Not.InstanceOf<TransactionSubmissionUncertainException>());
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void Batch_WithSend_IsNotRetried()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport().ThenThrow(RpcTransportFailure.ConnectionFailed);
        using var client = new JsonRpcClient(transport, Options(), time);
        JsonRpcBatch batch = client.CreateBatch();
        batch.Add(EthRequests.ChainId());
        batch.Add(EthRequests.SendRawTransaction(new byte[] { 1 }));

        Assert.ThrowsAsync<RpcTransportException>(() => FakeClock.RunAsync(time, batch.SendAsync(), Step));
        Assert.That(transport.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void WaitForReceipt_NeverMined_ThrowsAfterReceiptTimeout()
    {
        var time = new FakeTimeProvider();
        var transport = new InMemoryRpcTransport().ThenResult("null");
        using var client = new JsonRpcClient(transport, Options(), time);
        DateTimeOffset start = time.GetUtcNow();

        var e = Assert.ThrowsAsync<TransactionReceiptTimeoutException>(
            () => FakeClock.RunAsync(time, client.WaitForReceiptAsync("0x" + new string('2', 64)), TimeSpan.FromSeconds(1)));

        Assert.That(e!.Waited, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(10)));
        // One poll at t=0 and one per second until the limit.
        Assert.That(transport.Requests, Has.Count.EqualTo(11));
    }

    [Test]
    public void Options_NegativeRetries_AreRejectedAtConstruction()
    {
        var options = new JsonRpcClientOptions { Resilience = new RpcResilienceOptions { MaxRetryAttempts = -1 } };

        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new JsonRpcClient(new InMemoryRpcTransport(), options));
    }
}
