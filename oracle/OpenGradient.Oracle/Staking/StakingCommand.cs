using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenGradient.Contracts;
using OpenGradient.Ethereum;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;

namespace OpenGradient.Oracle.Staking;

/// <summary>
/// The operator's staking commands, run by the same executable with the node's configuration and key:
/// <c>stake --amount N</c> (approve + stake N whole OPG), <c>unstake --amount N</c> (start unbonding),
/// <c>withdraw</c> (after the unbonding period) and <c>stake-status</c>. Other arguments are configuration as for the node.
/// </summary>
internal static class StakingCommand
{
    private static readonly string[] Commands = ["stake", "unstake", "withdraw", "stake-status"];

    public static bool IsCommand(string[] args) => args is [var first, ..] && Array.IndexOf(Commands, first) >= 0;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args[0];
        decimal? amount = null;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--amount" && i + 1 < args.Length)
            {
                if (!decimal.TryParse(args[++i], NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
                {
                    return Fail($"--amount '{args[i]}' is not a positive number of OPG (e.g. --amount 1000 or --amount 0.5).");
                }

                amount = parsed;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (amount is null && command is "stake" or "unstake")
        {
            return Fail($"'{command}' needs --amount N (whole OPG, up to 18 decimals).");
        }

        try
        {
            await using var app = OracleHost.Build([.. rest]);
            var chain = app.Services.GetRequiredService<IOptions<ChainOptions>>().Value;
            var key = app.Services.GetRequiredService<NodeKey>();
            var web3 = new Web3(app.Services.GetRequiredService<JsonRpcClient>(), key.Key);
            var stakingAddress = Address.Parse(chain.StakingAddress!);
            var staking = new NodeStakingService(web3, stakingAddress);
            switch (command)
            {
                case "stake":
                    var wei = OpgAmount.ToWei(amount!.Value);
                    await new OPGTokenService(web3, Address.Parse(chain.TokenAddress!)).ApproveAsync(stakingAddress, wei).ConfigureAwait(false);
                    await staking.StakeAsync(wei).ConfigureAwait(false);
                    break;
                case "unstake":
                    await staking.RequestUnstakeAsync(OpgAmount.ToWei(amount!.Value)).ConfigureAwait(false);
                    break;
                case "withdraw":
                    await staking.WithdrawAsync().ConfigureAwait(false);
                    break;
            }

            var info = await staking.NodeInfoAsync(key.Address).ConfigureAwait(false);
            var eligible = await staking.IsEligibleAsync(key.Address).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"node {key.Address}: stake {OpgAmount.Format(info.Stake)} OPG, unbonding {OpgAmount.Format(info.Unbonding)} OPG (withdrawable from unix time {info.UnbondingEndsAt}), eligible {eligible}")).ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            return Fail("the configuration is invalid: " + string.Join("; ", e.Failures));
        }
        catch (EthereumException e)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return OracleHost.ConfigurationErrorExitCode;
    }
}
