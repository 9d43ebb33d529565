using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenGradient.Cli.Common;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Models.Samples;

namespace OpenGradient.Cli.Devnet;

/// <summary>
/// Starts the whole local network: Hardhat node, Ignition deployment, sample models, staked oracle nodes; then the demo.
/// Every child is stopped on <see cref="DisposeAsync"/>.
/// </summary>
internal sealed partial class DevnetRunner : IAsyncDisposable
{
    /// <summary>Short windows so the demo and disputes take seconds, not minutes (the rest from deploy/parameters/devnet.json).</summary>
    public const int ChallengeWindowSeconds = 20;
    public const int PhaseSeconds = 15;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly DevnetSettings _settings;
    private readonly string _repo;
    private readonly List<ChildProcess> _oracles = [];
    private readonly List<int> _oraclePorts = [];
    private ChildProcess? _chain;
    private JsonRpcClient? _rpc;

    public DevnetRunner(DevnetSettings settings, string repo)
    {
        _settings = settings;
        _repo = repo;
    }

    public Uri RpcUrl => new($"http://127.0.0.1:{_settings.Port.ToString(CultureInfo.InvariantCulture)}/");

    private string NodeBin => Path.Combine(_repo, "node_modules", ".bin", "node");

    private string HardhatCli => Path.Combine(_repo, "node_modules", ".bin", "hardhat");

    private Dictionary<string, string> NodeEnvironment => new(StringComparer.Ordinal)
    {
        ["PATH"] = Path.Combine(_repo, "node_modules", ".bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        ["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true",
        ["NO_COLOR"] = "1",
        ["OG_RPC_URL"] = RpcUrl.ToString().TrimEnd('/'),
    };

    /// <summary>Checks what a fresh machine may lack, each with one line that says what to do.</summary>
    public string CheckPrerequisites()
    {
        if (!File.Exists(NodeBin) || !File.Exists(HardhatCli))
        {
            throw new CliException($"The npm packages are not installed ({HardhatCli} is missing); run `npm ci` in {_repo} (or ./scripts/devnet.sh, which does it).");
        }

        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, _settings.Port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e)
        {
            throw new CliException($"Port {_settings.Port} on 127.0.0.1 is taken (another Hardhat node?); stop the other node or pass --port <free port>.", ExitCodes.UserError, e);
        }

        string? dll = null;
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string candidate = Path.Combine(_repo, "oracle", "OpenGradient.Oracle", "bin", configuration, "net10.0", "OpenGradient.Oracle.dll");
            if (File.Exists(candidate) && (dll is null || File.GetLastWriteTimeUtc(candidate) > File.GetLastWriteTimeUtc(dll)))
            {
                dll = candidate;
            }
        }

        return dll ?? throw new CliException($"The oracle node is not built; run `dotnet build {Path.Combine(_repo, "OpenGradient.sln")} -c Release` (or ./scripts/devnet.sh).");
    }

    public async Task StartChainAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_settings.Directory);
        _chain = new ChildProcess(
            "hardhat node",
            NodeBin,
            [HardhatCli, "node", "--hostname", "127.0.0.1", "--port", _settings.Port.ToString(CultureInfo.InvariantCulture)],
            _repo,
            NodeEnvironment,
            Path.Combine(_settings.Directory, "hardhat.log"));
        _rpc = new JsonRpcClient(RpcUrl, new JsonRpcClientOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(100) });
        DateTime giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (_chain.HasExited)
            {
                throw new CliException($"The Hardhat node exited with code {_chain.ExitCode} before answering: {LastLine(_chain.Tail)}", ExitCodes.DevnetFailed);
            }

            try
            {
                await _rpc.GetChainIdAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is RpcTransportException or HttpRequestException or JsonRpcException)
            {
                if (DateTime.UtcNow > giveUp)
                {
                    throw new CliException($"The Hardhat node did not answer on {RpcUrl} within 90 s; see {Path.Combine(_settings.Directory, "hardhat.log")}.", ExitCodes.DevnetFailed, e);
                }

                await Task.Delay(250, ct).ConfigureAwait(false);
            }
        }
    }

    public async Task<Sdk.Deployment> DeployAsync(CancellationToken ct)
    {
        JsonNode parameters = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_repo, "deploy", "parameters", "devnet.json"), ct).ConfigureAwait(false))!;
        JsonObject module = parameters["OpenGradient"]!.AsObject();
        module["challengeWindowSeconds"] = ChallengeWindowSeconds;
        module["commitPhaseSeconds"] = PhaseSeconds;
        module["revealPhaseSeconds"] = PhaseSeconds;
        string parametersPath = Path.Combine(_settings.Directory, "parameters.json");
        await File.WriteAllTextAsync(parametersPath, parameters.ToJsonString(), ct).ConfigureAwait(false);

        string id = "devnet-" + _settings.Port.ToString(CultureInfo.InvariantCulture);
        string ignitionDir = Path.Combine(_repo, "deploy", "deployments", id);
        if (Directory.Exists(ignitionDir))
        {
            Directory.Delete(ignitionDir, recursive: true);
        }

        try
        {
            await RunToEndAsync("hardhat ignition deploy", [HardhatCli, "ignition", "deploy", "deploy/modules/OpenGradient.js", "--network", "localhost", "--parameters", parametersPath, "--deployment-id", id], ct).ConfigureAwait(false);
            await RunToEndAsync("export-deployment", [Path.Combine(_repo, "deploy", "export-deployment.mjs"), "31337", "--deployment-dir", ignitionDir, "--out", _settings.DeploymentOut], ct).ConfigureAwait(false);
        }
        finally
        {
            string keep = Path.Combine(_settings.Directory, "ignition");
            if (Directory.Exists(ignitionDir))
            {
                if (Directory.Exists(keep))
                {
                    Directory.Delete(keep, recursive: true);
                }

                Directory.Move(ignitionDir, keep);
            }
        }

        // Interval mining starts only now: a timer block mined before the deployment would move it to later blocks,
        // and the committed deploy/deployments/31337.json (same addresses, deployBlock 1) would change on every run.
        await EnableIntervalMiningAsync(ct).ConfigureAwait(false);
        return Sdk.Deployment.Load(_settings.DeploymentOut);
    }

    public async Task FundAndStakeAsync(Sdk.Deployment deployment, CancellationToken ct)
    {
        var holder = new OPGTokenService(As(DevAccounts.Deployer), deployment.Token);
        BigInteger minStake = await new NodeStakingService(As(0), deployment.Staking).MinStakeAsync(null, ct).ConfigureAwait(false);
        BigInteger bond = await new InferenceHubService(As(0), deployment.Hub).ChallengeBondAsync(null, ct).ConfigureAwait(false);
        for (int i = 1; i <= _settings.Nodes; i++)
        {
            // The lying node stakes more: it is drawn often (so its lies are seen) and stays eligible through several slashes.
            BigInteger stake = minStake * (i == _settings.Liar ? 6 : 2);
            await holder.TransferAsync(As(i).Account!.Address, stake + (bond * 4), null, ct).ConfigureAwait(false);
            await new OPGTokenService(As(i), deployment.Token).ApproveAsync(deployment.Staking, stake, null, ct).ConfigureAwait(false);
            await new NodeStakingService(As(i), deployment.Staking).StakeAsync(stake, null, ct).ConfigureAwait(false);
        }

        await holder.TransferAsync(As(DevAccounts.Requester).Account!.Address, BigInteger.Pow(10, 18) * 100_000, null, ct).ConfigureAwait(false);
    }

    public async Task<List<SampleModel>> RegisterModelsAsync(Sdk.Deployment deployment, CancellationToken ct)
    {
        string folder = Path.Combine(_settings.Directory, "models");
        Directory.CreateDirectory(folder);
        var registry = new ModelRegistryService(As(DevAccounts.ModelOwner), deployment.Registry);
        var models = new List<SampleModel>();
        foreach (SampleModel model in SampleModels.All())
        {
            string path = Path.GetFullPath(Path.Combine(folder, model.FileName));
            await File.WriteAllBytesAsync(path, model.ToArray(), ct).ConfigureAwait(false);
            await registry.RegisterModelAsync(model.Sha256.ToArray(), new Uri(path).AbsoluteUri, BigInteger.Pow(10, 17), (byte)model.Decimals, (ulong)model.Tolerance, null, ct).ConfigureAwait(false);
            models.Add(model);
        }

        return models;
    }

    public IReadOnlyList<int> OraclePorts => _oraclePorts;

    public static Address NodeAddress(int index) => EthKey.Parse(DevAccounts.PrivateKeys[index]).Address;

    public async Task StartOraclesAsync(string oracleDll, CancellationToken ct)
    {
        for (int i = 1; i <= _settings.Nodes; i++)
        {
            string data = Path.GetFullPath(Path.Combine(_settings.Directory, $"node{i}"));
            Directory.CreateDirectory(data);
            int port = FreePort();
            var args = new List<string>
            {
                oracleDll,
                $"--Chain:RpcUrl={RpcUrl}",
                $"--Chain:DeploymentFile={Path.GetFullPath(_settings.DeploymentOut)}",
                "--Chain:Confirmations=1",
                "--Chain:PollInterval=00:00:00.250",
                $"--Keys:DevPrivateKey={DevAccounts.PrivateKeys[i]}",
                $"--Storage:DatabasePath={Path.Combine(data, "oracle.db")}",
                $"--ModelStore:StoreDirectory={Path.Combine(data, "models")}",
                $"--Http:Port={port.ToString(CultureInfo.InvariantCulture)}",
                "--Transactions:ReceiptPollInterval=00:00:00.200",
                "--Verification:TickInterval=00:00:00.500",
            };
            if (i == _settings.Liar)
            {
                args.Add("--Testing:CorruptResults=true");
            }

            _oracles.Add(new ChildProcess($"node{i}", "dotnet", args, data, new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["NO_COLOR"] = "1" }, Path.Combine(data, "oracle.log")));
            _oraclePorts.Add(port);
        }

        DateTime giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        for (int i = 0; i < _oracles.Count; i++)
        {
            while (!await IsReadyAsync(_oraclePorts[i], ct).ConfigureAwait(false))
            {
                if (_oracles[i].HasExited)
                {
                    throw new CliException($"Oracle {_oracles[i].Name} exited with code {_oracles[i].ExitCode}: {LastLine(_oracles[i].Tail)} (log: {Path.Combine(_settings.Directory, _oracles[i].Name, "oracle.log")})", ExitCodes.DevnetFailed);
                }

                if (DateTime.UtcNow > giveUp)
                {
                    throw new CliException($"Oracle {_oracles[i].Name} was not ready on http://127.0.0.1:{_oraclePorts[i]}/health/ready within 120 s; see {Path.Combine(_settings.Directory, _oracles[i].Name, "oracle.log")}.", ExitCodes.DevnetFailed);
                }

                await Task.Delay(250, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The first child that died, if any (the devnet then stops).</summary>
    public ChildProcess? FirstExited()
    {
        if (_chain is { HasExited: true })
        {
            return _chain;
        }

        return _oracles.FirstOrDefault(o => o.HasExited);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_oracles.Select(o => o.StopAsync(TimeSpan.FromSeconds(10)))).ConfigureAwait(false);
        foreach (ChildProcess o in _oracles)
        {
            o.Dispose();
        }

        if (_chain is not null)
        {
            await _chain.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            _chain.Dispose();
        }

        _rpc?.Dispose();
    }

    /// <summary>
    /// One block a second keeps chain time moving with wall time, so the oracle nodes see windows close and finalize
    /// (with automine alone no block, hence no time, passes while nobody sends a transaction).
    /// </summary>
    private async Task EnableIntervalMiningAsync(CancellationToken ct)
    {
        using var content = new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"evm_setIntervalMining\",\"params\":[1000]}", System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await Http.PostAsync(RpcUrl, content, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private Web3 As(int index) => new(_rpc!, EthKey.Parse(DevAccounts.PrivateKeys[index]));

    private static async Task<bool> IsReadyAsync(int port, CancellationToken ct)
    {
        try
        {
            using HttpResponseMessage response = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"), ct).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LastLine(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no output)" : string.Join(" | ", lines[Math.Max(0, lines.Length - 3)..]);
    }

    private async Task RunToEndAsync(string name, string[] args, CancellationToken ct)
    {
        using var child = new ChildProcess(name, NodeBin, args, _repo, NodeEnvironment, Path.Combine(_settings.Directory, name.Replace(' ', '-') + ".log"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(9));
        await child.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new CliException($"{name} failed with exit code {child.ExitCode}: {LastLine(child.Tail)}", ExitCodes.DevnetFailed);
        }
    }
}
