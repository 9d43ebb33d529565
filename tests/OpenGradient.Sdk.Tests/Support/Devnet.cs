using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference;
using OpenGradient.Models.Samples;
using OpenGradient.Sdk;
using OpenGradient.Testing;
using OpenGradient.Testing.Deployment;

namespace OpenGradient.Sdk.Tests;

/// <summary>
/// One Hardhat node per test run, deployed with the Ignition module (the example consumer bound to the linear
/// regressor), the three sample models registered by account 0, account 1 staked as the only node, and OPG handed to
/// the requester accounts. Tests share it; each uses its own requester account or model so they do not interfere.
/// </summary>
[SetUpFixture]
public sealed class Devnet
{
    public static readonly BigInteger Opg = BigInteger.Pow(10, 18);

    private static HardhatNode? s_node;
    private static IgnitionDeployment? s_deployment;

    public static HardhatNode Node => s_node ?? throw new InvalidOperationException("The devnet is not started.");

    public static IgnitionDeployment Deployment => s_deployment ?? throw new InvalidOperationException("The devnet is not deployed.");

    public static string WorkDirectory { get; private set; } = string.Empty;

    public static IReadOnlyDictionary<string, (SampleModel Sample, ModelId Id, string Path)> Models { get; private set; } =
        new Dictionary<string, (SampleModel, ModelId, string)>();

    public static EthKey Owner => Key(0);

    public static EthKey NodeKey => Key(1);

    public static EthKey Key(int index) => EthKey.Parse(HardhatDevAccounts.All[index].PrivateKey);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "og-sdk-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(WorkDirectory);
        s_node = await HardhatNode.StartAsync();
        SampleModel linear = SampleModels.LinearRegressor();
        s_deployment = await IgnitionDeployment.DeployAsync(s_node, new Dictionary<string, string> { ["exampleModelId"] = $"\"{linear.ModelIdHex}\"" });

        using InferenceClient owner = await ConnectAsync(Owner);
        var models = new Dictionary<string, (SampleModel, ModelId, string)>(StringComparer.Ordinal);
        foreach (SampleModel sample in SampleModels.All())
        {
            string path = Path.Combine(WorkDirectory, sample.FileName);
            await File.WriteAllBytesAsync(path, sample.ToArray());
            ModelInfo info = await owner.RegisterModelAsync(path, new ModelRegistration { FeePerJob = Opg, OutputDecimals = sample.Decimals, Tolerance = (ulong)sample.Tolerance });
            models[sample.Name] = (sample, info.Id, path);
        }

        Models = models;

        // Account 1 stakes and becomes the only eligible node; accounts 2..4 get OPG to pay fees.
        var web3 = new Web3(new JsonRpcClient(s_node.RpcUrl), Owner);
        var token = new OPGTokenService(web3, owner.Deployment.Token);
        for (int i = 1; i <= 4; i++)
        {
            await token.TransferAsync(Key(i).Address, 10_000 * Opg);
        }

        var nodeWeb3 = new Web3(new JsonRpcClient(s_node.RpcUrl), NodeKey);
        await new OPGTokenService(nodeWeb3, owner.Deployment.Token).ApproveAsync(owner.Deployment.Staking, 1_000 * Opg);
        await new NodeStakingService(nodeWeb3, owner.Deployment.Staking).StakeAsync(1_000 * Opg);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        s_deployment?.Dispose();
        if (s_node is not null)
        {
            await s_node.DisposeAsync();
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A client for <paramref name="key"/> with its own model store; <paramref name="configure"/> changes the options last.</summary>
    public static Task<InferenceClient> ConnectAsync(EthKey? key, string? storeDirectory = null, TimeProvider? timeProvider = null, Action<InferenceClientOptions>? configure = null)
    {
        var options = new InferenceClientOptions
        {
            RpcUrl = Node.RpcUrl,
            DeploymentPath = Deployment.DeploymentJsonPath,
            ModelStoreDirectory = storeDirectory ?? Path.Combine(WorkDirectory, "store-" + Guid.NewGuid().ToString("N")[..8]),
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);
        return InferenceClient.ConnectAsync(options, key, timeProvider);
    }
}
