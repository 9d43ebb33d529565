using System.Numerics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Storage;
using OpenGradient.Oracle.Transactions;
using OpenGradient.Testing;

namespace OpenGradient.Oracle.Tests.Transactions;

/// <summary>The transaction sender against a real Hardhat node: idempotency by key, restart reconciliation, stuck replacement.</summary>
[NonParallelizable]
public sealed class TxSenderTests
{
    private static readonly Address Recipient = Address.Parse("0x000000000000000000000000000000000000c0de");
    private HardhatNode _node = null!;
    private JsonRpcClient _rpc = null!;
    private Contract _probe = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task StartChain()
    {
        _folder = Directory.CreateTempSubdirectory("og-tx-").FullName;
        await HardhatBuild.EnsureBuiltAsync("contracts/test/RpcProbe.sol");
        _node = await HardhatNode.StartAsync();
        _rpc = new JsonRpcClient(_node.RpcUrl);
        var deployer = new Web3(_rpc, EthKey.Parse(HardhatNode.Accounts[0].PrivateKey));
        _probe = (await deployer.DeployAsync(ContractArtifact.Load(RepoPaths.Artifact("contracts/test/RpcProbe.sol", "RpcProbe")), [deployer.Account!.Address, "probe"])).Contract;
    }

    [OneTimeTearDown]
    public async Task StopChain()
    {
        _rpc.Dispose();
        await _node.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [TearDown]
    public Task AutomineBackOn() => _node.SetAutomineAsync(true);

    [Test]
    public async Task Submit_SameKeyTwice_SendsOneTransactionAndReturnsTheSameOutcome()
    {
        using var rig = new SenderRig(_node.RpcUrl, HardhatNode.Accounts[15].PrivateKey, TimeProvider.System, TempDb());
        ulong before = await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest);

        TxOutcome first = await rig.Sender.SubmitAsync(Transfer("pay:1"));
        TxOutcome second = await rig.Sender.SubmitAsync(Transfer("pay:1"));

        Assert.That(first.Status, Is.EqualTo(TxStatus.Succeeded));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Submit_TransactionMinedButRevertingWhileTheNodeAnswersWithAnError_EndsRevertedWithItsReasonAndSpendsTheNonce()
    {
        // Under automine Hardhat mines a transaction that reverts and answers eth_sendRawTransaction with an error. A fixed
        // gas limit skips the estimation that would otherwise catch the revert before sending.
        using var rig = new SenderRig(_node.RpcUrl, HardhatNode.Accounts[13].PrivateKey, TimeProvider.System, TempDb());
        ulong before = await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest);
        var intent = new TxIntent("fail:1", _probe.Address, _probe.Abi.GetFunction("recordOrFail").EncodeCall(BigInteger.Zero), GasLimit: 200_000);

        TxOutcome outcome = await rig.Sender.SubmitAsync(intent);

        Assert.That(outcome.Status, Is.EqualTo(TxStatus.Reverted), outcome.Detail);
        Assert.That(outcome.Detail, Does.Contain("probe: zero value"));
        Assert.That(outcome.BlockNumber, Is.Not.Null, "the reverted transaction was mined: its receipt decides the outcome");
        Assert.That(await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest), Is.EqualTo(before + 1));
        TxOutcome next = await rig.Sender.SubmitAsync(Transfer("pay:after-revert"));
        Assert.That(next.Status, Is.EqualTo(TxStatus.Succeeded), "the spent nonce was not handed out again");
    }

    [Test]
    public void Submit_SameKeyForADifferentCall_Throws()
    {
        using var rig = new SenderRig(_node.RpcUrl, HardhatNode.Accounts[16].PrivateKey, TimeProvider.System, TempDb());
        rig.Store.TryInsert(Transfer("pay:x"), rig.Address);

        Assert.ThrowsAsync<TxSendException>(() => rig.Sender.SubmitAsync(Transfer("pay:x") with { Data = [1, 2, 3] }));
    }

    [Test]
    public async Task Restart_AfterBroadcastBeforeMining_ReconcilesAndNeverSendsASecondTransaction()
    {
        string key = HardhatNode.Accounts[17].PrivateKey;
        string db = TempDb();
        await _node.SetAutomineAsync(false);
        ulong before;
        string recordedHash;
        using (var crashed = new SenderRig(_node.RpcUrl, key, TimeProvider.System, db))
        {
            before = await _rpc.GetTransactionCountAsync(crashed.Address, BlockParameter.Latest);
            Task<TxOutcome> pending = crashed.Sender.SubmitAsync(Transfer("submit:7"));
            await WaitUntil(async () => await _rpc.GetTransactionCountAsync(crashed.Address, BlockParameter.Pending) == before + 1);
            recordedHash = crashed.Store.Attempts("submit:7").Single().TransactionHash;

            // The process dies with the transaction in the pool and no outcome recorded.
            await crashed.Sender.StopAsync(CancellationToken.None);
            Assert.That(pending.IsCanceled || pending.IsFaulted, Is.True);
        }

        using var restarted = new SenderRig(_node.RpcUrl, key, TimeProvider.System, db);
        await restarted.Sender.StartAsync(CancellationToken.None);
        await _node.MineAsync(1);
        TxOutcome outcome = await restarted.Sender.SubmitAsync(Transfer("submit:7"));

        Assert.That(outcome.Status, Is.EqualTo(TxStatus.Succeeded));
        Assert.That(outcome.TransactionHash, Is.EqualTo(recordedHash));
        Assert.That(await _rpc.GetTransactionCountAsync(restarted.Address, BlockParameter.Latest), Is.EqualTo(before + 1));
        Assert.That(restarted.Store.Attempts("submit:7"), Has.Count.EqualTo(1), "nothing was re-signed");
    }

    [Test]
    public async Task Restart_SeveralSignedButUnsentUnderAutomine_ResendsInNonceOrderAndAllSucceed()
    {
        string key = HardhatNode.Accounts[14].PrivateKey;
        string db = TempDb();
        string[] keys = ["submit:a", "submit:b", "submit:c", "submit:d", "submit:e", "submit:f"];
        await _node.SetAutomineAsync(false);
        ulong before;
        using (var crashed = new SenderRig(_node.RpcUrl, key, TimeProvider.System, db))
        {
            before = await _rpc.GetTransactionCountAsync(crashed.Address, BlockParameter.Latest);
            foreach (string k in keys)
            {
                _ = crashed.Sender.SubmitAsync(Transfer(k));
            }

            await WaitUntil(async () => await _rpc.GetTransactionCountAsync(crashed.Address, BlockParameter.Pending) == before + (ulong)keys.Length);
            await crashed.Sender.StopAsync(CancellationToken.None);

            // The process died after recording the signed transactions but before the node kept them: drop them from the pool.
            foreach (string k in keys)
            {
                await _node.RpcAsync("hardhat_dropTransaction", [crashed.Store.Attempts(k).Single().TransactionHash]);
            }
        }

        Assert.That(await _rpc.GetTransactionCountAsync(HardhatAddress(key), BlockParameter.Pending), Is.EqualTo(before));
        await _node.SetAutomineAsync(true);
        using var restarted = new SenderRig(_node.RpcUrl, key, TimeProvider.System, db);
        await restarted.Sender.StartAsync(CancellationToken.None);
        TxOutcome[] outcomes = await Task.WhenAll(keys.Select(k => restarted.Sender.SubmitAsync(Transfer(k))));

        Assert.That(outcomes.Select(o => o.Status), Is.All.EqualTo(TxStatus.Succeeded));
        Assert.That(await _rpc.GetTransactionCountAsync(restarted.Address, BlockParameter.Latest), Is.EqualTo(before + (ulong)keys.Length));
        Assert.That(keys.Select(k => restarted.Store.Attempts(k).Count), Is.All.EqualTo(1), "nothing was re-signed");
    }

    [Test]
    public async Task Restart_AfterTheTransactionWasMined_ReturnsItsOutcomeWithoutSending()
    {
        string key = HardhatNode.Accounts[18].PrivateKey;
        string db = TempDb();
        await _node.SetAutomineAsync(false);
        ulong before;
        using (var crashed = new SenderRig(_node.RpcUrl, key, TimeProvider.System, db))
        {
            before = await _rpc.GetTransactionCountAsync(crashed.Address, BlockParameter.Latest);
            _ = crashed.Sender.SubmitAsync(Transfer("finalize:3"));
            await WaitUntil(async () => await _rpc.GetTransactionCountAsync(crashed.Address, BlockParameter.Pending) == before + 1);
            await crashed.Sender.StopAsync(CancellationToken.None);
        }

        await _node.MineAsync(1);
        using var restarted = new SenderRig(_node.RpcUrl, key, TimeProvider.System, db);
        await restarted.Sender.StartAsync(CancellationToken.None);
        TxOutcome outcome = await restarted.Sender.SubmitAsync(Transfer("finalize:3"));

        Assert.That(outcome.Status, Is.EqualTo(TxStatus.Succeeded));
        Assert.That(await _rpc.GetTransactionCountAsync(restarted.Address, BlockParameter.Pending), Is.EqualTo(before + 1));
    }

    [Test]
    public async Task Stuck_NoReceiptAfterStuckAfter_ReplacedWithTheSameNonceAndHigherFees()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var rig = new SenderRig(_node.RpcUrl, HardhatNode.Accounts[19].PrivateKey, time, TempDb());
        await _node.SetAutomineAsync(false);
        ulong before = await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest);

        Task<TxOutcome> outcome = rig.Sender.SubmitAsync(Transfer("challenge:9"));
        await WaitUntil(() => Task.FromResult(rig.Store.Attempts("challenge:9").Count == 1));
        await WaitUntil(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(rig.Store.Attempts("challenge:9").Count == 2);
        });
        await _node.MineAsync(1);
        await WaitUntil(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            return Task.FromResult(outcome.IsCompleted);
        });

        IReadOnlyList<StoredAttempt> attempts = rig.Store.Attempts("challenge:9");
        Assert.That(attempts[1].Nonce, Is.EqualTo(attempts[0].Nonce));
        Assert.That(FeeEstimator.IsValidReplacement(attempts[0].Fees, attempts[1].Fees), Is.True);
        Assert.That((await outcome).TransactionHash, Is.EqualTo(attempts[1].TransactionHash));
        Assert.That(await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest), Is.EqualTo(before + 1));
        Assert.That(rig.Metrics.TransactionReplacements.Value, Is.EqualTo(1));
    }

    private static TxIntent Transfer(string key) => new(key, Recipient, [], 21_000, BigInteger.One);

    private static Address HardhatAddress(string privateKey) => new NodeKey(EthKey.Parse(privateKey), NodeKeySource.DevPrivateKey).Address;

    private string TempDb() => Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The condition did not hold within 300 checks.");
    }
}
