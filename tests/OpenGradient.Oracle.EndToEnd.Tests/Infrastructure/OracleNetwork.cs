using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Models.Samples;
using OpenGradient.Testing;
using OpenGradient.Testing.Deployment;

namespace OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A whole local network for one fixture: a Hardhat node on a free loopback port, the contracts deployed with Ignition,
/// the sample models registered (file:// URIs), N staked node accounts and their oracle processes (not started until
/// <see cref="StartNodesAsync"/>). Accounts: 0 deployer/treasury/token holder, 1..N nodes, 9 model owner, 10 requester.
/// Dispose kills every process and the chain.
/// </summary>
public sealed class OracleNetwork : IAsyncDisposable
{
    public const int ModelOwnerAccount = 9;
    public const int RequesterAccount = 10;
    private readonly List<OracleProcess> _nodes = [];
    private readonly JsonRpcClient _rpc;

    private OracleNetwork(HardhatNode chain, IgnitionDeployment deployment, string root)
    {
        Chain = chain;
        Deployment = deployment;
        Root = root;
        _rpc = new JsonRpcClient(chain.RpcUrl);
    }

    /// <summary>The Hardhat node.</summary>
    public HardhatNode Chain { get; }

    /// <summary>The deployed contracts.</summary>
    public IgnitionDeployment Deployment { get; }

    /// <summary>A temporary folder for the nodes' data and the model files.</summary>
    public string Root { get; }

    /// <summary>The oracle processes (index 0 is node account 1).</summary>
    public IReadOnlyList<OracleProcess> Nodes => _nodes;

    /// <summary>The registered sample models by name.</summary>
    public Dictionary<string, SampleModel> Models { get; } = new(StringComparer.Ordinal);

    /// <summary>The shared JSON-RPC client on the chain (no fault proxy).</summary>
    public JsonRpcClient Rpc => _rpc;

    public Address Hub => Address.Parse(Deployment.Contracts["InferenceHub"]);

    public Address Staking => Address.Parse(Deployment.Contracts["NodeStaking"]);

    public Address Registry => Address.Parse(Deployment.Contracts["ModelRegistry"]);

    public Address Token => Address.Parse(Deployment.Contracts["OPGToken"]);

    /// <summary>
    /// Starts the chain, deploys, funds and stakes <paramref name="nodeCount"/> node accounts, registers the sample models,
    /// and prepares (does not start) one oracle process per node. <paramref name="rpcUrlForNode"/> may route a node through a
    /// proxy; <paramref name="configure"/> adds settings per node index (0-based).
    /// </summary>
    public static async Task<OracleNetwork> StartAsync(
        int nodeCount,
        int confirmations = 1,
        IReadOnlyDictionary<string, string>? parameterOverrides = null,
        Func<int, Uri, Uri>? rpcUrlForNode = null,
        Func<int, IReadOnlyDictionary<string, string>>? configure = null,
        CancellationToken cancellationToken = default)
    {
        HardhatNode chain = await HardhatNode.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        IgnitionDeployment? deployment = null;
        try
        {
            deployment = await IgnitionDeployment.DeployAsync(chain, parameterOverrides, cancellationToken).ConfigureAwait(false);
            string root = Path.Combine(Path.GetTempPath(), "og-e2e-" + Guid.NewGuid().ToString("N")[..10]);
            Directory.CreateDirectory(root);
            var network = new OracleNetwork(chain, deployment, root);
            await network.SetUpAsync(nodeCount, confirmations, rpcUrlForNode, configure, cancellationToken).ConfigureAwait(false);
            return network;
        }
        catch
        {
            deployment?.Dispose();
            await chain.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A Web3 that signs as dev account <paramref name="index"/>.</summary>
    public Web3 As(int index) => new(_rpc, EthKey.Parse(HardhatNode.Accounts[index].PrivateKey));

    public InferenceHubService HubAs(int index) => new(As(index), Hub);

    public OPGTokenService TokenAs(int index) => new(As(index), Token);

    /// <summary>Starts every oracle process and waits until all are ready.</summary>
    public async Task StartNodesAsync(CancellationToken cancellationToken = default)
    {
        foreach (OracleProcess node in _nodes)
        {
            if (!node.IsRunning)
            {
                node.Start();
            }
        }

        foreach (OracleProcess node in _nodes)
        {
            await node.WaitUntilReadyAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every node's output, for assertion messages.</summary>
    public string AllOutput()
    {
        var text = new System.Text.StringBuilder();
        foreach (OracleProcess node in _nodes)
        {
            text.AppendLine($"===== {node.Settings.Name} =====").AppendLine(node.Output);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (OracleProcess node in _nodes)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }

        _rpc.Dispose();
        Deployment.Dispose();
        await Chain.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temp folder is cleaned by the OS eventually.
        }
    }

    private async Task SetUpAsync(
        int nodeCount,
        int confirmations,
        Func<int, Uri, Uri>? rpcUrlForNode,
        Func<int, IReadOnlyDictionary<string, string>>? configure,
        CancellationToken cancellationToken)
    {
        var staking = new NodeStakingService(As(0), Staking);
        BigInteger minStake = await staking.MinStakeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        BigInteger bond = await new InferenceHubService(As(0), Hub).ChallengeBondAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        OPGTokenService holder = TokenAs(0);
        for (int i = 1; i <= nodeCount; i++)
        {
            Address node = Address.Parse(HardhatNode.Accounts[i].Address);
            await holder.TransferAsync(node, (minStake * 2) + (bond * 4), cancellationToken: cancellationToken).ConfigureAwait(false);
            await TokenAs(i).ApproveAsync(Staking, minStake * 2, cancellationToken: cancellationToken).ConfigureAwait(false);
            await new NodeStakingService(As(i), Staking).StakeAsync(minStake * 2, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await holder.TransferAsync(Address.Parse(HardhatNode.Accounts[RequesterAccount].Address), BigInteger.Pow(10, 18) * 100_000, cancellationToken: cancellationToken).ConfigureAwait(false);

        string modelDir = Path.Combine(Root, "models");
        Directory.CreateDirectory(modelDir);
        var registry = new ModelRegistryService(As(ModelOwnerAccount), Registry);
        foreach (SampleModel model in SampleModels.All())
        {
            string path = Path.Combine(modelDir, model.FileName);
            await File.WriteAllBytesAsync(path, model.ToArray(), cancellationToken).ConfigureAwait(false);
            await registry.RegisterModelAsync(
                model.Sha256.ToArray(),
                new Uri(path).AbsoluteUri,
                BigInteger.Pow(10, 17),
                (byte)model.Decimals,
                (ulong)model.Tolerance,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            Models[model.Name] = model;
        }

        for (int i = 0; i < nodeCount; i++)
        {
            _nodes.Add(new OracleProcess(new OracleNodeSettings
            {
                Name = $"node{i + 1}",
                RpcUrl = rpcUrlForNode?.Invoke(i, Chain.RpcUrl) ?? Chain.RpcUrl,
                DeploymentFile = Deployment.DeploymentJsonPath,
                DevPrivateKey = HardhatNode.Accounts[i + 1].PrivateKey,
                DataDirectory = Path.Combine(Root, $"node{i + 1}"),
                Confirmations = confirmations,
                Extra = configure?.Invoke(i) ?? new Dictionary<string, string>(),
            }));
        }
    }
}
