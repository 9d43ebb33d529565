using NUnit.Framework;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Testing;

namespace OpenGradient.Ethereum.Tests.Integration;

/// <summary>The shared fixture itself: free ports, readiness, and a dispose that really stops the node.</summary>
[TestFixture]
public sealed class HardhatNodeTests
{
    [Test]
    public async Task StartAsync_TwoNodes_DifferentLoopbackPortsBothAnswerAndDisposeStopsThem()
    {
        HardhatNode first = await HardhatNode.StartAsync();
        HardhatNode second = await HardhatNode.StartAsync();
        try
        {
            Assert.That(first.Port, Is.Not.EqualTo(second.Port));
            Assert.That(new[] { first.Port, second.Port }, Has.None.EqualTo(8545));
            Assert.That(first.RpcUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That((await first.RpcAsync("eth_chainId")).GetString(), Is.EqualTo("0x7a69"));
            Assert.That((await second.RpcAsync("eth_chainId")).GetString(), Is.EqualTo("0x7a69"));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        using var rpc = new JsonRpcClient(first.RpcUrl, new JsonRpcClientOptions { Resilience = new RpcResilienceOptions { MaxRetryAttempts = 0 } });
        var e = Assert.ThrowsAsync<RpcTransportException>(() => rpc.GetChainIdAsync());
        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.ConnectionRefused));
    }

    [Test]
    public async Task ABurstOfAutominedTransactions_KeepsChainTimeAtWallTime_SoChallengeWindowsAreNotCutShort()
    {
        // Hardhat's default puts every automined block at least one second after its parent, so sixty quick
        // transactions would move chain time about a minute ahead of the clock; the `node` network in
        // hardhat.config.js allows blocks in the same second instead.
        const int Transactions = 60;
        HardhatNode node = await HardhatNode.StartAsync();
        try
        {
            using var rpc = new JsonRpcClient(node.RpcUrl, new JsonRpcClientOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) });
            var web3 = new Web3(rpc, EthKey.Parse(HardhatNode.Accounts[0].PrivateKey));
            var recipient = Address.Parse(HardhatNode.Accounts[1].Address);
            ulong first = (await rpc.GetBlockNumberAsync()) + 1;
            for (var i = 0; i < Transactions; i++)
            {
                await web3.TransferAsync(recipient, 1);
            }

            Block latest = (await rpc.GetBlockAsync(BlockParameter.Latest))!;
            var wallClock = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.That(latest.Number - first + 1, Is.GreaterThanOrEqualTo((ulong)Transactions), "one block per transaction");
            Assert.That(latest.Timestamp, Is.LessThanOrEqualTo(wallClock + 2), $"chain time is {latest.Timestamp - wallClock} s ahead of the clock");
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    [Test]
    public void Accounts_TwentyPublicDevKeys_EachKeyDerivesItsAddress()
    {
        Assert.That(HardhatNode.Accounts, Has.Count.EqualTo(20));
        Assert.That(HardhatNode.Accounts[0].Address, Is.EqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        foreach (DevAccount account in HardhatNode.Accounts)
        {
            Assert.That(EthKey.Parse(account.PrivateKey).Address.ToLowerHex(), Is.EqualTo(account.Address), $"account #{account.Index}");
        }
    }
}
