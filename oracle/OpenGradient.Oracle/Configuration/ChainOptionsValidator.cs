using Microsoft.Extensions.Options;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Configuration;

/// <summary>Checks <see cref="ChainOptions"/> at start; every message names the setting and says what to put there.</summary>
internal sealed class ChainOptionsValidator : IValidateOptions<ChainOptions>
{
    public ValidateOptionsResult Validate(string? name, ChainOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.RpcUrl, UriKind.Absolute, out Uri? rpc) || (rpc.Scheme != Uri.UriSchemeHttp && rpc.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Chain:RpcUrl is '{options.RpcUrl}', which is not an http(s) URL; set it to the JSON-RPC endpoint, e.g. http://127.0.0.1:8545/.");
        }

        if (options.ChainId == 0)
        {
            errors.Add("Chain:ChainId is missing; set it to the id of the chain the contracts are on (31337 for a local Hardhat node).");
        }

        if (options.DeploymentFile is { Length: > 0 } file && !File.Exists(file))
        {
            errors.Add($"Chain:DeploymentFile '{file}' does not exist; point it at deploy/deployments/<chainId>.json or set the addresses one by one.");
        }

        CheckAddress(errors, "Chain:HubAddress", options.HubAddress, required: true);
        CheckAddress(errors, "Chain:StakingAddress", options.StakingAddress, required: true);
        CheckAddress(errors, "Chain:RegistryAddress", options.RegistryAddress, required: true);
        CheckAddress(errors, "Chain:TokenAddress", options.TokenAddress, required: false);

        if (options.Confirmations is < 0 or > 1000)
        {
            errors.Add($"Chain:Confirmations is {options.Confirmations}; use 0..1000 (a few blocks on a devnet, 12+ on a public chain).");
        }

        if (options.MaxBlockRange is < 1 or > 100_000)
        {
            errors.Add($"Chain:MaxBlockRange is {options.MaxBlockRange}; use 1..100000 (most providers cap eth_getLogs at 1000-10000 blocks).");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Chain:PollInterval is {options.PollInterval}; use a positive time up to 00:05:00, e.g. 00:00:01.");
        }

        if (options.ReorgHistoryBlocks < options.Confirmations + 1 || options.ReorgHistoryBlocks > 100_000)
        {
            errors.Add($"Chain:ReorgHistoryBlocks is {options.ReorgHistoryBlocks}; it must exceed Chain:Confirmations ({options.Confirmations}) and be at most 100000.");
        }

        if (options.LogChannelCapacity is < 1 or > 1_000_000)
        {
            errors.Add($"Chain:LogChannelCapacity is {options.LogChannelCapacity}; use 1..1000000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckAddress(List<string> errors, string setting, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"{setting} is missing; set it to the 0x address of the deployed contract, or set Chain:DeploymentFile to a deployment record.");
            }

            return;
        }

        if (!Address.TryParse(value, out Address address) || address.IsZero)
        {
            errors.Add($"{setting} is '{value}', which is not a non-zero 0x-prefixed 20-byte address; copy the address from the deployment record.");
        }
    }
}
