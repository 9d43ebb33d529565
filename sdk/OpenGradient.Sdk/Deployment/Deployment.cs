using System.Text.Json;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Sdk;

/// <summary>
/// Where the OpenGradient contracts live on one chain: the file <c>deploy/deployments/&lt;chainId&gt;.json</c> written by
/// <c>deploy/export-deployment.mjs</c> after an Ignition deployment.
/// </summary>
/// <param name="ChainId">The chain the addresses are on.</param>
/// <param name="Token">OPGToken.</param>
/// <param name="Registry">ModelRegistry.</param>
/// <param name="Staking">NodeStaking.</param>
/// <param name="Hub">InferenceHub.</param>
/// <param name="ExampleConsumer">ExampleConsumer, when deployed.</param>
/// <param name="DeployBlock">The first block of the deployment: event queries start there.</param>
public sealed record Deployment(ulong ChainId, Address Token, Address Registry, Address Staking, Address Hub, Address? ExampleConsumer, ulong DeployBlock)
{
    /// <summary>Reads a deployment file.</summary>
    /// <exception cref="DeploymentFileException">The file is missing or is not a deployment file.</exception>
    public static Deployment Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DeploymentFileException(path, "the file does not exist. Deploy first (`og devnet`, or Ignition then `node deploy/export-deployment.mjs <chainId>`) and pass deploy/deployments/<chainId>.json.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            JsonElement contracts = root.GetProperty("contracts");
            return new Deployment(
                root.GetProperty("chainId").GetUInt64(),
                Contract(contracts, "OPGToken", path),
                Contract(contracts, "ModelRegistry", path),
                Contract(contracts, "NodeStaking", path),
                Contract(contracts, "InferenceHub", path),
                contracts.TryGetProperty(nameof(ExampleConsumer), out JsonElement consumer) ? Address.Parse(consumer.GetString()!) : null,
                root.TryGetProperty("deployBlock", out JsonElement block) ? block.GetUInt64() : 0);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or Ethereum.EthereumException)
        {
            throw new DeploymentFileException(path, $"it is not a deployment file ({e.Message}). Regenerate it with `node deploy/export-deployment.mjs <chainId>`.", e);
        }
    }

    private static Address Contract(JsonElement contracts, string name, string path) =>
        contracts.TryGetProperty(name, out JsonElement value) && value.GetString() is { } text
            ? Address.Parse(text)
            : throw new DeploymentFileException(path, $"it has no address for {name}; the deployment is incomplete. Redeploy and export it again.");
}
