using NUnit.Framework;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Testing;

namespace OpenGradient.Ethereum.Tests.Integration;

/// <summary>
/// One real Hardhat node per fixture (started in <c>[OneTimeSetUp]</c>, killed in <c>[OneTimeTearDown]</c>), a
/// client, and a <see cref="Web3"/> signing with dev account 0.
/// </summary>
public abstract class HardhatTestBase
{
    protected const string ProbeSource = "contracts/test/RpcProbe.sol";

    protected HardhatNode Node { get; private set; } = null!;

    protected JsonRpcClient Rpc { get; private set; } = null!;

    protected EthKey Deployer { get; private set; } = null!;

    protected Web3 Web3 { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartNodeAsync()
    {
        await HardhatBuild.EnsureBuiltAsync(ProbeSource);
        Node = await HardhatNode.StartAsync();
        Rpc = new JsonRpcClient(Node.RpcUrl, new JsonRpcClientOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(50) });
        Deployer = EthKey.Parse(HardhatNode.Accounts[0].PrivateKey);
        Web3 = new Web3(Rpc, Deployer);
    }

    [OneTimeTearDown]
    public async Task StopNodeAsync()
    {
        Rpc?.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }
    }

    protected static ContractArtifact LoadProbe() => ContractArtifact.Load(RepoPaths.Artifact(ProbeSource, "RpcProbe"));
}
