using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Spectre.Console;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Jobs;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Nodes;

/// <summary><c>og node status|stake|unstake|withdraw</c>: the staking contract from the operator's key.</summary>
internal static class NodeCommands
{
    private static readonly BigInteger Opg = BigInteger.Pow(10, 18);

    public static Command Create()
    {
        var node = new Command("node", "Run an oracle node; stake, unstake, withdraw and inspect its stake.");
        node.Subcommands.Add(NodeRunCommand.Create());
        var address = new Option<string?>("--address") { Description = "Node address (default: the signing key's)." };
        var status = new Command("status", "Stake, unbonding and eligibility of a node.") { address };
        CommandRunner.SetAction(status, async (ctx, ct) =>
        {
            string? text = ctx.Parse.GetValue(address);
            Address who = text is not null ? Address.Parse(text) : ctx.RequireKey("know which node to show (or pass --address)").Address;
            return await WithStakingAsync(ctx, null, who, "status", null, ct).ConfigureAwait(false);
        });
        node.Subcommands.Add(status);

        var amount = new Option<decimal>("--amount") { Description = "Whole OPG.", Required = true };
        var stake = new Command("stake", "Approve and stake OPG.") { amount };
        CommandRunner.SetAction(stake, (ctx, ct) =>
        {
            EthKey key = ctx.RequireKey("stake");
            BigInteger wei = ToWei(ctx.Parse.GetValue(amount));
            return WithStakingAsync(ctx, key, key.Address, "stake", async (token, staking) =>
            {
                BigInteger balance = await token.BalanceOfAsync(key.Address, null, ct).ConfigureAwait(false);
                if (balance < wei)
                {
                    throw new CliException($"Insufficient OPG: {key.Address} holds {VerdictReport.Wei(balance)}, less than the {VerdictReport.Wei(wei)} to stake; transfer OPG to it first.");
                }

                await token.ApproveAsync(staking.Address, wei, null, ct).ConfigureAwait(false);
                await staking.StakeAsync(wei, null, ct).ConfigureAwait(false);
            }, ct);
        });
        node.Subcommands.Add(stake);

        var unstake = new Command("unstake", "Start unbonding OPG (the node stops getting new work).") { amount };
        CommandRunner.SetAction(unstake, (ctx, ct) =>
        {
            EthKey key = ctx.RequireKey("unstake");
            return WithStakingAsync(ctx, key, key.Address, "unstake", (_, staking) => staking.RequestUnstakeAsync(ToWei(ctx.Parse.GetValue(amount)), null, ct), ct);
        });
        node.Subcommands.Add(unstake);

        var withdraw = new Command("withdraw", "Withdraw unbonded OPG after the unbonding period.");
        CommandRunner.SetAction(withdraw, (ctx, ct) =>
        {
            EthKey key = ctx.RequireKey("withdraw");
            return WithStakingAsync(ctx, key, key.Address, "withdraw", (_, staking) => staking.WithdrawAsync(null, ct), ct);
        });
        node.Subcommands.Add(withdraw);
        return node;
    }

    private static BigInteger ToWei(decimal opg) =>
        opg > 0 ? new BigInteger(opg * 1_000_000m) * Opg / 1_000_000 : throw new CliException("--amount must be a positive number of OPG, e.g. --amount 1000.");

    private static async Task<int> WithStakingAsync(CliContext ctx, EthKey? key, Address who, string action, Func<OPGTokenService, NodeStakingService, Task>? change, CancellationToken ct)
    {
        Sdk.Deployment deployment;
        using (InferenceClient client = await ctx.ConnectAsync(null, ct).ConfigureAwait(false))
        {
            deployment = client.Deployment;
        }

        using var rpc = new JsonRpcClient(ctx.RpcUrl);
        var web3 = new Web3(rpc, key);
        var staking = new NodeStakingService(web3, deployment.Staking);
        var token = new OPGTokenService(web3, deployment.Token);
        if (change is not null)
        {
            try
            {
                await change(token, staking).ConfigureAwait(false);
            }
            catch (ContractErrorException e)
            {
                throw new CliException($"og node {action} was rejected by the staking contract: {e.Error}. Check the amount and `og node status`.", ExitCodes.ChainError, e);
            }
        }

        NodeInfo info = await staking.NodeInfoAsync(who, null, ct).ConfigureAwait(false);
        bool eligible = await staking.IsEligibleAsync(who, null, ct).ConfigureAwait(false);
        BigInteger min = await staking.MinStakeAsync(null, ct).ConfigureAwait(false);
        var doc = new JsonObject
        {
            ["ok"] = true,
            ["action"] = action,
            ["node"] = who.ToString(),
            ["stake"] = info.Stake.ToString(CultureInfo.InvariantCulture),
            ["unbonding"] = info.Unbonding.ToString(CultureInfo.InvariantCulture),
            ["unbondingEndsAt"] = info.UnbondingEndsAt,
            ["minStake"] = min.ToString(CultureInfo.InvariantCulture),
            ["eligible"] = eligible,
        };
        ctx.Output.Result(doc, console => console.Write(CliOutput.KeyValues($"node {who}", [
            ("stake", VerdictReport.Wei(info.Stake)),
            ("unbonding", $"{VerdictReport.Wei(info.Unbonding)}{(info.UnbondingEndsAt > 0 ? $" (until {DateTimeOffset.FromUnixTimeSeconds((long)info.UnbondingEndsAt):u})" : string.Empty)}"),
            ("minimum stake", VerdictReport.Wei(min)),
            ("eligible", eligible ? "yes" : "no"),
        ])));
        return ExitCodes.Ok;
    }
}
