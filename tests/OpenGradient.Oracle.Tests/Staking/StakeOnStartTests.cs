using System.Numerics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Staking;
using OpenGradient.Oracle.Tests.Transactions;
using OpenGradient.Oracle.Transactions;
using OpenGradient.Testing;
using OpenGradient.Testing.Deployment;

namespace OpenGradient.Oracle.Tests.Staking;

/// <summary>Staking at start against the Ignition-deployed token and staking contracts on a real Hardhat node.</summary>
[NonParallelizable]
public sealed class StakeOnStartTests
{
    private static readonly BigInteger Opg = BigInteger.Pow(10, 18);
    private HardhatNode _node = null!;
    private IgnitionDeployment _deployment = null!;
    private JsonRpcClient _rpc = null!;
    private string _folder = null!;

    [OneTimeSetUp]
    public async Task DeployAsync()
    {
        _folder = Directory.CreateTempSubdirectory("og-stake-").FullName;
        _node = await HardhatNode.StartAsync();
        _deployment = await IgnitionDeployment.DeployAsync(_node);
        _rpc = new JsonRpcClient(_node.RpcUrl);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _rpc?.Dispose();
        _deployment?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task EnsureStake_FirstAttemptFailsForLackOfOpg_StakesOnALaterAttemptOnceTheNodeIsFunded()
    {
        using var rig = new SenderRig(_node.RpcUrl, HardhatNode.Accounts[5].PrivateKey, TimeProvider.System, Path.Combine(_folder, "node5.db"));
        var token = new OPGTokenService(Owner(), Address.Parse(_deployment.Contracts["OPGToken"]));
        await token.TransferAsync(rig.Address, 400 * Opg);
        var service = Create(rig, ensureStakeOpg: 1000);

        await service.StartAsync(CancellationToken.None);
        TxOutcome? first = null;
        for (var i = 0; i < 300 && first is null; i++)
        {
            first = rig.Store.Get("stake:" + (1000 * Opg) + ":0:0")?.Outcome;
            await Task.Delay(20);
        }

        Assert.That(first, Is.Not.Null, "the first stake attempt ended");
        Assert.That(first!.Succeeded, Is.False, "400 OPG cannot stake 1000");
        await token.TransferAsync(rig.Address, 600 * Opg);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        var staking = new NodeStakingService(new Web3(_rpc), Address.Parse(_deployment.Contracts["NodeStaking"]));
        Assert.That((await staking.NodeInfoAsync(rig.Address)).Stake, Is.EqualTo(1000 * Opg));
        Assert.That(await staking.IsEligibleAsync(rig.Address), Is.True);
        Assert.That(rig.Store.Get("stake:" + (1000 * Opg) + ":0:1")?.Outcome?.Succeeded, Is.True, "the second attempt staked, under its own key");
    }

    [Test]
    public async Task EnsureStake_AlreadyAtTheTarget_SendsNothing()
    {
        using var rig = new SenderRig(_node.RpcUrl, HardhatNode.Accounts[6].PrivateKey, TimeProvider.System, Path.Combine(_folder, "node6.db"));
        var token = new OPGTokenService(Owner(), Address.Parse(_deployment.Contracts["OPGToken"]));
        await token.TransferAsync(rig.Address, 1000 * Opg);
        await Create(rig, ensureStakeOpg: 1000).StartAsync(CancellationToken.None);
        var staking = new NodeStakingService(new Web3(_rpc), Address.Parse(_deployment.Contracts["NodeStaking"]));
        for (var i = 0; i < 500 && (await staking.NodeInfoAsync(rig.Address)).Stake < 1000 * Opg; i++)
        {
            await Task.Delay(20);
        }

        ulong nonce = await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest);
        var again = Create(rig, ensureStakeOpg: 1000);
        await again.StartAsync(CancellationToken.None);
        await again.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(await _rpc.GetTransactionCountAsync(rig.Address, BlockParameter.Latest), Is.EqualTo(nonce));
    }

    private StakeOnStart Create(SenderRig rig, decimal ensureStakeOpg) =>
        new(
            Options.Create(new StakingOptions { EnsureStakeOpg = ensureStakeOpg }),
            rig.Sender,
            rig.Rpc,
            rig.Key,
            Options.Create(new ChainOptions
            {
                ChainId = 31337,
                StakingAddress = _deployment.Contracts["NodeStaking"],
                TokenAddress = _deployment.Contracts["OPGToken"],
            }),
            TimeProvider.System,
            NullLogger<StakeOnStart>.Instance);

    private Web3 Owner() => new(_rpc, EthKey.Parse(HardhatNode.Accounts[0].PrivateKey));
}
