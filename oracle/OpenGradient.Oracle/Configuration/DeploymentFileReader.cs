using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Configuration;

/// <summary>
/// Fills the contract addresses and start block that were not set explicitly from <see cref="ChainOptions.DeploymentFile"/>
/// (the <c>{ chainId, contracts: { InferenceHub, NodeStaking, ModelRegistry, OPGToken }, deployBlock }</c> record that
/// <c>deploy/export-deployment.mjs</c> writes). Explicit settings win. An unreadable file is left to the validator.
/// </summary>
internal sealed class DeploymentFileReader : IPostConfigureOptions<ChainOptions>
{
    public void PostConfigure(string? name, ChainOptions options)
    {
        if (options.DeploymentFile is not { Length: > 0 } file || !File.Exists(file))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new OptionsValidationException(
                ChainOptions.SectionName,
                typeof(ChainOptions),
                [$"Chain:DeploymentFile '{file}' is not valid JSON ({e.Message}); regenerate it with node deploy/export-deployment.mjs."]);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.TryGetProperty("chainId", out JsonElement chainId) && chainId.TryGetUInt64(out ulong id) && options.ChainId == 0)
            {
                options.ChainId = id;
            }

            if (root.TryGetProperty("contracts", out JsonElement contracts) && contracts.ValueKind == JsonValueKind.Object)
            {
                options.HubAddress = Pick(options.HubAddress, contracts, "InferenceHub");
                options.StakingAddress = Pick(options.StakingAddress, contracts, "NodeStaking");
                options.RegistryAddress = Pick(options.RegistryAddress, contracts, "ModelRegistry");
                options.TokenAddress = Pick(options.TokenAddress, contracts, "OPGToken");
            }

            if (options.StartBlock is null && root.TryGetProperty("deployBlock", out JsonElement block) && block.TryGetUInt64(out ulong start))
            {
                options.StartBlock = start;
            }
        }
    }

    private static string? Pick(string? explicitValue, JsonElement contracts, string name) =>
        !string.IsNullOrWhiteSpace(explicitValue)
            ? explicitValue
            : contracts.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : explicitValue;
}
