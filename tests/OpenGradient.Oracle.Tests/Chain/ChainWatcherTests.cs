using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Oracle.Chain;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Testing;

namespace OpenGradient.Oracle.Tests.Chain;

/// <summary>The watcher against a real Hardhat node: confirmed delivery, restart without loss or duplicates, reorg rewind.</summary>
[NonParallelizable]
public sealed class ChainWatcherTests
{
    private const string ProbeSource = "contracts/test/RpcProbe.sol";
    private HardhatNode _node = null!;
    private JsonRpcClient _rpc = null!;
    private Contract _probe = null!;
    private ulong _deployBlock;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task StartChain()
    {
        await HardhatBuild.EnsureBuiltAsync(ProbeSource);
        _folder = Directory.CreateTempSubdirectory("og-chain-").FullName;
        _node = await HardhatNode.StartAsync();
        _rpc = new JsonRpcClient(_node.RpcUrl);
        var web3 = new Web3(_rpc, EthKey.Parse(HardhatNode.Accounts[0].PrivateKey));
        ContractDeployment deployment = await web3.DeployAsync(ContractArtifact.Load(RepoPaths.Artifact(ProbeSource, "RpcProbe")), [web3.Account!.Address, "probe"]);
        _probe = deployment.Contract;
        _deployBlock = deployment.Receipt.BlockNumber;
    }

    [OneTimeTearDown]
    public async Task StopChain()
    {
        _rpc.Dispose();
        await _node.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Poll_LogsBehindTheConfirmationDepth_AreDeliveredOnlyOnceConfirmed()
    {
        using var rig = new ChainRig(_node.RpcUrl, Options(confirmations: 3, start: await _rpc.GetBlockNumberAsync() + 1), NewDatabasePath());
        await Record(1);

        await rig.CatchUpAsync();
        Assert.That(rig.Delivered, Is.Empty, "a log with fewer than 3 blocks on top must not be delivered");

        await _node.MineAsync(3);
        await rig.CatchUpAsync();

        Assert.That(rig.Delivered, Has.Count.EqualTo(1));
        Assert.That(rig.Delivered[0].Log.Address, Is.EqualTo(_probe.Address));
    }

    [Test]
    public async Task Restart_BlockNotAcknowledged_IsDeliveredAgainAndNothingIsLostOrDuplicated()
    {
        ulong start = await _rpc.GetBlockNumberAsync() + 1;
        await Record(10);
        await Record(11);
        string path;
        using (var first = new ChainRig(_node.RpcUrl, Options(confirmations: 0, start: start), NewDatabasePath()))
        {
            path = first.DatabasePath;
            first.AutoAcknowledge = false;
            Task<PollResult> poll = first.Watcher.PollOnceAsync(CancellationToken.None);
            ObservedLog firstLog = await first.Channel.Reader.ReadAsync();
            firstLog.Acknowledge();
            ObservedLog secondLog = await first.Channel.Reader.ReadAsync();

            // "Crash" before the second block's log is acknowledged: its block must not count as handled.
            Assert.That(poll.IsCompleted, Is.False);
            Assert.That(first.Store.GetCursor(), Is.EqualTo(firstLog.BlockNumber + 1));
            Assert.That(secondLog.BlockNumber, Is.GreaterThan(firstLog.BlockNumber));
        }

        using var second = new ChainRig(_node.RpcUrl, Options(confirmations: 0, start: start), path);
        await Record(12);
        await second.CatchUpAsync();

        Assert.That(second.Delivered.Select(IdOf), Is.EqualTo(new BigInteger[] { 11, 12 }));
    }

    [Test]
    public async Task Reorg_OfAnAlreadyHandledBlock_RewindsAndDeliversTheNewBranch()
    {
        ulong start = await _rpc.GetBlockNumberAsync() + 1;
        using var rig = new ChainRig(_node.RpcUrl, Options(confirmations: 0, start: start), NewDatabasePath());
        string snapshot = await _node.SnapshotAsync();
        await Record(20);
        await rig.CatchUpAsync();
        Assert.That(rig.Delivered, Has.Count.EqualTo(1));
        string oldHash = rig.Delivered[0].BlockHash;

        // Replace the handled block with a competing one at the same height that holds a different log.
        await _node.RevertAsync(snapshot);
        await Record(21);
        await _node.MineAsync(1);
        await rig.CatchUpAsync();

        Assert.That(rig.Metrics.Reorgs.Value, Is.EqualTo(1));
        Assert.That(rig.Delivered, Has.Count.EqualTo(2));
        Assert.That(rig.Delivered[1].BlockNumber, Is.EqualTo(rig.Delivered[0].BlockNumber));
        Assert.That(rig.Delivered[1].BlockHash, Is.Not.EqualTo(oldHash));
        Assert.That(IdOf(rig.Delivered[1]), Is.EqualTo(new BigInteger(21)), "the new branch's log is delivered");
    }

    [Test]
    public async Task Reorg_ShallowerThanTheConfirmationDepth_CausesNoDeliveryAndNoRewind()
    {
        ulong start = await _rpc.GetBlockNumberAsync() + 1;
        using var rig = new ChainRig(_node.RpcUrl, Options(confirmations: 3, start: start), NewDatabasePath());
        string snapshot = await _node.SnapshotAsync();
        await Record(30);
        await _node.MineAsync(1);
        await rig.CatchUpAsync();

        await _node.RevertAsync(snapshot);
        await _node.MineAsync(5);
        await rig.CatchUpAsync();

        Assert.That(rig.Delivered, Is.Empty, "the log of the abandoned branch was never confirmed");
        Assert.That(rig.Metrics.Reorgs.Value, Is.Zero);
    }

    private string NewDatabasePath() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");

    private ChainOptions Options(int confirmations, ulong start) => new()
    {
        RpcUrl = "http://127.0.0.1/",
        ChainId = 31337,
        HubAddress = _probe.Address.ToString(),
        StakingAddress = "0x000000000000000000000000000000000000dEaD",
        RegistryAddress = "0x000000000000000000000000000000000000bEEF",
        Confirmations = confirmations,
        StartBlock = start,
        MaxBlockRange = 2,
        ReorgHistoryBlocks = 64,
    };

    private static BigInteger IdOf(ObservedLog log) =>
        BigInteger.Parse("0" + log.Log.Topics[2][2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private Task Record(int id) => _probe.SendAsync("record", new BigInteger(id), "note", BigInteger.One);
}
