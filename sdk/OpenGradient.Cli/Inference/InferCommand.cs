using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Spectre.Console;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Jobs;
using OpenGradient.Cli.Models;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference;
using OpenGradient.Inference.Tensors;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Inference;

/// <summary><c>og infer --model … --input …</c>: request, wait for the result, decode it and verify it locally.</summary>
internal static class InferCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model: sample name or 0x sha256 id.", Required = true };
        var input = new Option<string>("--input") { Description = "Input tensors as JSON ({\"features\": [[1,2,3,4]]}) or @file.json.", Required = true };
        var decimals = new Option<int>("--decimals") { Description = "Fixed-point decimals of the input values.", DefaultValueFactory = _ => 6 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the result.", DefaultValueFactory = _ => 120 };
        var noApprove = new Option<bool>("--no-approve") { Description = "Do not approve the hub for the fee (use an existing allowance)." };
        var noVerify = new Option<bool>("--no-verify") { Description = "Skip the local verification." };
        var command = new Command("infer", "Request an inference, wait for the result and verify it locally.") { model, input, decimals, timeout, noApprove, noVerify };
        CommandRunner.SetAction(command, async (ctx, ct) =>
        {
            EthKey key = ctx.RequireKey("pay for an inference");
            ModelId id = ModelResolver.Resolve(ctx.Parse.GetValue(model)!);
            TensorList tensors = TensorJson.ParseInput(ctx.Parse.GetValue(input)!, ctx.Parse.GetValue(decimals));
            using InferenceClient client = await ctx.ConnectAsync(key, ct).ConfigureAwait(false);
            ModelInfo info = await client.GetModelAsync(id, ct).ConfigureAwait(false);
            BigInteger fee = await client.QuoteFeeAsync(id, ct).ConfigureAwait(false);
            BigInteger balance = await client.Token.BalanceOfAsync(key.Address, null, ct).ConfigureAwait(false);
            if (balance < fee)
            {
                throw new CliException($"Insufficient OPG: {key.Address} holds {VerdictReport.Wei(balance)} but one job on this model costs {VerdictReport.Wei(fee)}; transfer OPG to it first (on the devnet, account 10 is funded).");
            }

            bool approve = !ctx.Parse.GetValue(noApprove);
            if (!approve)
            {
                BigInteger allowance = await client.Token.AllowanceAsync(key.Address, client.Hub.Address, null, ct).ConfigureAwait(false);
                if (allowance < fee)
                {
                    throw new CliException($"Insufficient allowance: the hub may take {VerdictReport.Wei(allowance)} from {key.Address} but the fee is {VerdictReport.Wei(fee)}; drop --no-approve or approve {client.Hub.Address} for the fee.");
                }
            }

            CliOutput.Progress($"requesting {ModelResolver.SampleName(id) ?? id.ToString()} (fee {VerdictReport.Wei(fee)})");
            SubmittedJob job = await client.RequestInferenceAsync(id, tensors, new RequestSettings { ApproveIfNeeded = approve }, ct).ConfigureAwait(false);
            CliOutput.Progress($"job {job.JobId} assigned to {job.Executor}; waiting for its result");
            JobOutcome outcome = await client.WaitForResultAsync(job.JobId, TimeSpan.FromSeconds(ctx.Parse.GetValue(timeout)), ct).ConfigureAwait(false);
            VerificationVerdict? verdict = null;
            if (outcome.Kind == JobOutcomeKind.Result && !ctx.Parse.GetValue(noVerify))
            {
                verdict = await client.VerifyLocallyAsync(job.JobId, ct).ConfigureAwait(false);
            }

            var doc = new JsonObject
            {
                ["ok"] = true,
                ["jobId"] = job.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["model"] = info.Id.ToString(),
                ["modelName"] = ModelResolver.SampleName(id),
                ["executor"] = job.Executor.ToString(),
                ["fee"] = job.Fee.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["transaction"] = job.TransactionHash,
                ["outcome"] = outcome.Kind.ToString(),
                ["status"] = outcome.Status.ToString(),
                ["failureReason"] = outcome.FailureReason.ToString(),
                ["output"] = outcome.Output is null ? null : TensorJson.ToJson(outcome.Output),
                ["verification"] = verdict is null ? null : VerdictReport.ToJson(verdict),
            };
            ctx.Output.Result(doc, console =>
            {
                var rows = new List<(string, string)>
                {
                    ("job", job.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("model", $"{ModelResolver.SampleName(id) ?? "-"} {id}"),
                    ("executor", job.Executor.ToString()),
                    ("fee", VerdictReport.Wei(job.Fee)),
                    ("outcome", $"{outcome.Kind} ({outcome.Status})"),
                    ("output", outcome.Output is null ? outcome.FailureReason.ToString() : TensorJson.ToText(outcome.Output)),
                };
                if (verdict is not null)
                {
                    rows.AddRange(VerdictReport.Rows(verdict));
                }

                console.Write(CliOutput.KeyValues("og infer", rows));
            });
            return verdict is { Passed: false } ? ExitCodes.VerificationFailed : ExitCodes.Ok;
        });
        return command;
    }
}
