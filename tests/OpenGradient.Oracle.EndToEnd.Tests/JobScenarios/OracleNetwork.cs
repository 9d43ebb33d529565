using System.Globalization;
using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Models.Samples;
using OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;
using OpenGradient.Testing;
using OpenGradient.Testing.Deployment;

namespace OpenGradient.Oracle.EndToEnd.Tests.JobScenarios;

/// <summary>
/// A whole devnet for the job scenarios: a Hardhat node (interval mining so blocks and time move), the contracts
/// deployed with the project's Ignition module (short windows), the linear regressor registered by a model owner
/// and wired into the example consumer, a funded requester, and N real oracle processes that stake on start.
/// </summary>
internal sealed class OracleNetwork : IAsyncDisposable
{
    public const int ModelOwnerAccount = 9;
    public const int RequesterAccount = 8;
    public const int ChallengeWindowSeconds = 40;
    public const int PhaseSeconds = 15;
    public static readonly BigInteger Opg = BigInteger.Pow(10, 18);

    private readonly string _folder;
    private readonly JsonRpcClient _rpc;

    private OracleNetwork(HardhatNode node, IgnitionDeployment deployment, string folder)
    {
        Node = node;
        Deployment = deployment;
        _folder = folder;
        _rpc = new JsonRpcClient(node.RpcUrl);
        Hub = Address.Parse(deployment.Contracts["InferenceHub"]);
        Token = Address.Parse(deployment.Contracts["OPGToken"]);
        Registry = Address.Parse(deployment.Contracts["ModelRegistry"]);
        Staking = Address.Parse(deployment.Contracts["NodeStaking"]);
        Consumer = Address.Parse(deployment.Contracts["ExampleConsumer"]);
    }

    public HardhatNode Node { get; }

    public IgnitionDeployment Deployment { get; }

    public Address Hub { get; }

    public Address Token { get; }

    public Address Registry { get; }

    public Address Staking { get; }

    public Address Consumer { get; }

    public List<OracleProcess> Oracles { get; } = [];

    public static SampleModel Model { get; } = SampleModels.LinearRegressor();

    public static byte[] ModelId => Model.Sha256.ToArray();

    /// <summary>Starts the chain, deploys, registers the model and starts <paramref name="nodes"/> oracles (dev accounts 1..N).</summary>
    /// <param name="extra">Extra settings per node index (0-based), e.g. the dishonesty switches.</param>
    public static async Task<OracleNetwork> StartAsync(int nodes, Func<int, IReadOnlyDictionary<string, string>>? extra = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "og-e2e-jobs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var node = await HardhatNode.StartAsync();
        IgnitionDeployment deployment;
        try
        {
            deployment = await IgnitionDeployment.DeployAsync(node, new Dictionary<string, string>
            {
                ["challengeWindowSeconds"] = ChallengeWindowSeconds.ToString(CultureInfo.InvariantCulture),
                ["commitPhaseSeconds"] = PhaseSeconds.ToString(CultureInfo.InvariantCulture),
                ["revealPhaseSeconds"] = PhaseSeconds.ToString(CultureInfo.InvariantCulture),
                ["resultTimeoutSeconds"] = "600",
                ["exampleModelId"] = "\"" + Model.ModelIdHex + "\"",
                ["exampleRiskThreshold"] = "\"1000000000000n\"",
            });
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        var network = new OracleNetwork(node, deployment, folder);
        try
        {
            await network.SetUpChainAsync(nodes);

            // One block a second moves chain time while no transaction comes; transactions are still automined,
            // in the wall-clock second they arrive (the `node` network allows blocks with the same timestamp, so
            // a burst of submissions and challenges does not run the challenge window ahead of the nodes).
            await node.RpcAsync("evm_setIntervalMining", [1000]);
            for (var i = 0; i < nodes; i++)
            {
                var settings = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["Staking:EnsureStakeOpg"] = "1000",
                    ["Verification:TickInterval"] = "00:00:00.500",
                    ["Chain:PollInterval"] = "00:00:00.250",
                };
                foreach (var (key, value) in extra?.Invoke(i) ?? new Dictionary<string, string>())
                {
                    settings[key] = value;
                }

                var oracle = new OracleProcess(new OracleNodeSettings
                {
                    Name = $"node{i + 1}",
                    RpcUrl = node.RpcUrl,
                    DeploymentFile = deployment.DeploymentJsonPath,
                    DevPrivateKey = HardhatNode.Accounts[i + 1].PrivateKey,
                    DataDirectory = Path.Combine(folder, $"node{i + 1}"),
                    Extra = settings,
                });
                network.Oracles.Add(oracle);
                oracle.Start();
            }

            foreach (var oracle in network.Oracles)
            {
                await oracle.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }

            var staking = new NodeStakingService(new Web3(network._rpc), network.Staking);
            await Eventually.WaitAsync(
                async () =>
                {
                    foreach (var oracle in network.Oracles)
                    {
                        if (!await staking.IsEligibleAsync(NodeAddress(network.Oracles.IndexOf(oracle))))
                        {
                            return false;
                        }
                    }

                    return true;
                },
                TimeSpan.FromSeconds(60),
                () => "not every oracle staked; outputs:" + string.Join(Environment.NewLine, network.Oracles.Select(o => o.Output)));
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    public static Address NodeAddress(int index) => Address.Parse(HardhatNode.Accounts[index + 1].Address);

    public Web3 Account(int index) => new(_rpc, EthKey.Parse(HardhatNode.Accounts[index].PrivateKey));

    public InferenceHubService HubAs(int account) => new(Account(account), Hub);

    public InferenceHubService HubReader => new(new Web3(_rpc), Hub);

    /// <summary>Requests an inference from the requester's wallet; returns the job id and its executor.</summary>
    public async Task<(BigInteger JobId, Address Executor)> RequestAsync(byte[] input, byte[]? modelId = null)
    {
        var requester = Account(RequesterAccount);
        var receipt = await new InferenceHubService(requester, Hub).RequestInferenceAsync(modelId ?? ModelId, input, new RequestOptions(100 * Opg, 0, 0));
        var requested = InferenceRequestedEvent.DecodeAll(receipt.Logs, Hub).Single();
        return (requested.JobId, requested.Executor);
    }

    /// <summary>Waits (bounded) for a job to reach one of <paramref name="states"/>.</summary>
    public async Task<JobStatus> WaitForStatusAsync(BigInteger jobId, TimeSpan timeout, params JobStatus[] states)
    {
        var status = JobStatus.None;
        await Eventually.WaitAsync(
            async () =>
            {
                status = await HubReader.JobStatusAsync(jobId);
                return Array.IndexOf(states, status) >= 0;
            },
            timeout,
            () => $"job {jobId} is {status}, not {string.Join('/', states)}. Oracle output:{Environment.NewLine}{string.Join(Environment.NewLine, Oracles.Select(o => o.Output[Math.Max(0, o.Output.Length - 6000)..]))}");
        return status;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var oracle in Oracles)
        {
            await oracle.DisposeAsync();
        }

        _rpc.Dispose();
        Deployment.Dispose();
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task SetUpChainAsync(int nodes)
    {
        var modelPath = Path.Combine(_folder, Model.FileName);
        await File.WriteAllBytesAsync(modelPath, Model.ToArray());
        await new ModelRegistryService(Account(ModelOwnerAccount), Registry)
            .RegisterModelAsync(ModelId, new Uri(modelPath).AbsoluteUri, Opg, (byte)Model.Decimals, (ulong)Model.Tolerance);

        var token = new OPGTokenService(Account(0), Token);
        for (var i = 0; i < nodes; i++)
        {
            await token.TransferAsync(NodeAddress(i), 5000 * Opg);
        }

        await token.TransferAsync(Address.Parse(HardhatNode.Accounts[RequesterAccount].Address), 10_000 * Opg);
        var requesterToken = new OPGTokenService(Account(RequesterAccount), Token);
        await requesterToken.ApproveAsync(Hub, 1_000_000 * Opg);
        await requesterToken.ApproveAsync(Consumer, 1_000_000 * Opg);
    }
}
