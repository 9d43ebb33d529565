using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenGradient.Testing.Deployment;

/// <summary>
/// The OpenGradient contracts deployed on a test node with the project's Ignition module
/// (<c>deploy/modules/OpenGradient.js</c>) and exported with <c>deploy/export-deployment.mjs</c>, exactly as a devnet
/// is. Each deployment uses its own Ignition deployment id, and the Ignition journal and the exported file are moved
/// out of <c>deploy/</c> into a temporary folder, so parallel fixtures never share state and the repository is left
/// clean. Dispose it to delete the temporary folder.
/// </summary>
public sealed class IgnitionDeployment : IDisposable
{
    private IgnitionDeployment(string directory, string deploymentJsonPath, long chainId, IReadOnlyDictionary<string, string> contracts, ulong deployBlock)
    {
        Directory = directory;
        DeploymentJsonPath = deploymentJsonPath;
        ChainId = chainId;
        Contracts = contracts;
        DeployBlock = deployBlock;
    }

    /// <summary>How long one Ignition deployment may take (it compiles first when the artifacts are stale).</summary>
    public static TimeSpan DeployTimeout { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>The temporary folder holding the parameters, the exported deployment file and the Ignition journal.</summary>
    public string Directory { get; }

    /// <summary>The exported deployment file (<c>{ chainId, contracts, deployBlock }</c>), as <c>deploy/deployments/&lt;chainId&gt;.json</c> would be.</summary>
    public string DeploymentJsonPath { get; }

    /// <summary>The chain id.</summary>
    public long ChainId { get; }

    /// <summary>Contract name (OPGToken, ModelRegistry, NodeStaking, InferenceHub, ExampleConsumer) → address.</summary>
    public IReadOnlyDictionary<string, string> Contracts { get; }

    /// <summary>The first block of the deployment.</summary>
    public ulong DeployBlock { get; }

    /// <summary>
    /// Deploys with <c>deploy/parameters/devnet.json</c>, with <paramref name="parameterOverrides"/> (raw JSON values,
    /// e.g. <c>"\"0x…\""</c> for a bytes32 or <c>"\"500n\""</c> for a bigint) replacing module parameters.
    /// </summary>
    /// <exception cref="InvalidOperationException">Ignition or the export failed; the message holds their output.</exception>
    public static async Task<IgnitionDeployment> DeployAsync(
        HardhatNode node,
        IReadOnlyDictionary<string, string>? parameterOverrides = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        await HardhatBuild.EnsureBuiltAsync().ConfigureAwait(false);

        string id = "ogtest-" + Guid.NewGuid().ToString("N")[..12];
        string temp = Path.Combine(Path.GetTempPath(), id);
        System.IO.Directory.CreateDirectory(Path.Combine(temp, "deploy"));
        string ignitionDir = Path.Combine(RepoPaths.Root, "deploy", "deployments", id);
        try
        {
            string parametersPath = Path.Combine(temp, "parameters.json");
            await File.WriteAllTextAsync(parametersPath, Parameters(parameterOverrides), cancellationToken).ConfigureAwait(false);

            var environment = new Dictionary<string, string?>(HardhatNode.NodeEnvironment(), StringComparer.Ordinal)
            {
                ["OG_RPC_URL"] = node.RpcUrl.ToString().TrimEnd('/'),
            };
            ProcessResult deploy = await ProcessRunner.RunAsync(
                RepoPaths.NodeBinary,
                [RepoPaths.HardhatCli, "ignition", "deploy", "deploy/modules/OpenGradient.js", "--network", "localhost", "--parameters", parametersPath, "--deployment-id", id],
                RepoPaths.Root,
                DeployTimeout,
                environment,
                cancellationToken).ConfigureAwait(false);
            if (deploy.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"`hardhat ignition deploy` failed with exit code {deploy.ExitCode} against {node.RpcUrl}; read its output below (a Solidity or module error) and fix it.{Environment.NewLine}{deploy.CombinedOutput}");
            }

            // The export script writes next to itself (deploy/deployments/<chainId>.json): run a copy in the temp folder.
            string script = Path.Combine(temp, "deploy", "export-deployment.mjs");
            File.Copy(Path.Combine(RepoPaths.Root, "deploy", "export-deployment.mjs"), script);
            ProcessResult export = await ProcessRunner.RunAsync(
                RepoPaths.NodeBinary,
                [script, HardhatNode.ChainId.ToString(CultureInfo.InvariantCulture), "--deployment-dir", ignitionDir],
                RepoPaths.Root,
                TimeSpan.FromMinutes(1),
                environment,
                cancellationToken).ConfigureAwait(false);
            if (export.ExitCode != 0)
            {
                throw new InvalidOperationException($"deploy/export-deployment.mjs failed with exit code {export.ExitCode}:{Environment.NewLine}{export.CombinedOutput}");
            }

            CopyDirectory(ignitionDir, Path.Combine(temp, "ignition"));
            string json = Path.Combine(temp, "deploy", "deployments", HardhatNode.ChainId.ToString(CultureInfo.InvariantCulture) + ".json");
            return Read(temp, json);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            TryDelete(ignitionDir);
        }
    }

    /// <inheritdoc />
    public void Dispose() => TryDelete(Directory);

    private static string Parameters(IReadOnlyDictionary<string, string>? overrides)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "parameters", "devnet.json")))!;
        JsonObject module = root["OpenGradient"]!.AsObject();
        if (overrides is not null)
        {
            foreach ((string key, string rawJson) in overrides)
            {
                module[key] = JsonNode.Parse(rawJson);
            }
        }

        return root.ToJsonString();
    }

    private static IgnitionDeployment Read(string directory, string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        var contracts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in root.GetProperty("contracts").EnumerateObject())
        {
            contracts[p.Name] = p.Value.GetString()!;
        }

        return new IgnitionDeployment(directory, path, root.GetProperty("chainId").GetInt64(), contracts, root.GetProperty("deployBlock").GetUInt64());
    }

    private static void CopyDirectory(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (string file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
