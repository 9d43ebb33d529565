using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Spectre.Console;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Inference;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Jobs;

/// <summary><c>og job show|wait|verify</c>.</summary>
internal static class JobCommands
{
    private static readonly JobStatus[] Settled = [JobStatus.Finalized, JobStatus.Rejected, JobStatus.Refunded, JobStatus.Expired];

    public static Command Create()
    {
        var job = new Command("job", "Inspect, wait for and verify jobs.");
        job.Subcommands.Add(Show());
        job.Subcommands.Add(Wait());
        job.Subcommands.Add(Verify());
        return job;
    }

    private static Argument<string> JobId() => new("job-id") { Description = "The hub's job id." };

    private static BigInteger ParseId(string text) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger id)
            ? id
            : throw new CliException($"Job id '{text}' is not a number; pass the id printed by `og infer`.");

    private static Command Show()
    {
        Argument<string> id = JobId();
        var command = new Command("show", "Show a job: request, status, outcome.") { id };
        CommandRunner.SetAction(command, async (ctx, ct) =>
        {
            using InferenceClient client = await ctx.ConnectAsync(null, ct).ConfigureAwait(false);
            JobRecord record = await client.GetJobAsync(ParseId(ctx.Parse.GetValue(id)!), ct).ConfigureAwait(false);
            JsonObject doc = Describe(record);
            ctx.Output.Result(doc, console => console.Write(CliOutput.KeyValues($"job {record.JobId}", Rows(record))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Wait()
    {
        Argument<string> id = JobId();
        var final = new Option<bool>("--final") { Description = "Wait until the job is settled (finalized, rejected, refunded or expired), not just posted." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait.", DefaultValueFactory = _ => 300 };
        var command = new Command("wait", "Wait for a job's outcome (or, with --final, its settlement).") { id, final, timeout };
        CommandRunner.SetAction(command, async (ctx, ct) =>
        {
            BigInteger jobId = ParseId(ctx.Parse.GetValue(id)!);
            TimeSpan limit = TimeSpan.FromSeconds(ctx.Parse.GetValue(timeout));
            using InferenceClient client = await ctx.ConnectAsync(null, ct).ConfigureAwait(false);
            await client.WaitForResultAsync(jobId, limit, ct).ConfigureAwait(false);
            if (ctx.Parse.GetValue(final))
            {
                await WaitSettledAsync(client, jobId, limit, ct).ConfigureAwait(false);
            }

            JobRecord record = await client.GetJobAsync(jobId, ct).ConfigureAwait(false);
            ctx.Output.Result(Describe(record), console => console.Write(CliOutput.KeyValues($"job {record.JobId}", Rows(record))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify()
    {
        Argument<string> id = JobId();
        var waitDispute = new Option<bool>("--wait-dispute") { Description = "Then wait until the job is settled and show the dispute and any slashing." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait.", DefaultValueFactory = _ => 300 };
        var command = new Command("verify", "Re-run the job's model locally and compare with the posted output, element by element.") { id, waitDispute, timeout };
        CommandRunner.SetAction(command, async (ctx, ct) =>
        {
            BigInteger jobId = ParseId(ctx.Parse.GetValue(id)!);
            TimeSpan limit = TimeSpan.FromSeconds(ctx.Parse.GetValue(timeout));
            using InferenceClient client = await ctx.ConnectAsync(null, ct).ConfigureAwait(false);
            JobOutcome outcome = await client.WaitForResultAsync(jobId, limit, ct).ConfigureAwait(false);
            if (outcome.Kind != JobOutcomeKind.Result)
            {
                throw new CliException($"Job {jobId} has no result to verify (its outcome is {outcome.Kind}, {outcome.FailureReason}); see `og job show {jobId}`.");
            }

            VerificationVerdict verdict = await client.VerifyLocallyAsync(jobId, ct).ConfigureAwait(false);
            var doc = new JsonObject
            {
                ["ok"] = true,
                ["jobId"] = jobId.ToString(CultureInfo.InvariantCulture),
                ["executor"] = outcome.Executor.ToString(),
                ["verification"] = VerdictReport.ToJson(verdict),
            };
            var rows = new List<(string, string)> { ("executor", outcome.Executor.ToString()) };
            rows.AddRange(VerdictReport.Rows(verdict));
            if (ctx.Parse.GetValue(waitDispute))
            {
                CliOutput.Progress($"job {jobId}: waiting for the challenge window / dispute to settle");
                JobStatus status = await WaitSettledAsync(client, jobId, limit, ct).ConfigureAwait(false);
                using var rpc = new JsonRpcClient(ctx.RpcUrl);
                var staking = new NodeStakingService(new Web3(rpc), client.Deployment.Staking);
                Dispute dispute = await client.Hub.GetDisputeAsync(jobId, null, ct).ConfigureAwait(false);
                BigInteger stakeBefore = (await staking.NodeInfoAsync(outcome.Executor, outcome.BlockNumber, ct).ConfigureAwait(false)).Stake;
                BigInteger stakeNow = (await staking.NodeInfoAsync(outcome.Executor, null, ct).ConfigureAwait(false)).Stake;
                bool disputed = dispute.Challenger != default;
                doc["settlement"] = new JsonObject
                {
                    ["status"] = status.ToString(),
                    ["disputed"] = disputed,
                    ["challenger"] = disputed ? dispute.Challenger.ToString() : null,
                    ["disputeOutcome"] = dispute.Outcome.ToString(),
                    ["validVotes"] = dispute.ValidVotes,
                    ["invalidVotes"] = dispute.InvalidVotes,
                    ["executorStakeBefore"] = stakeBefore.ToString(CultureInfo.InvariantCulture),
                    ["executorStakeNow"] = stakeNow.ToString(CultureInfo.InvariantCulture),
                    ["executorSlashed"] = stakeNow < stakeBefore,
                };
                rows.Add(("settled as", status.ToString()));
                rows.Add(("dispute", disputed ? $"challenged by {dispute.Challenger}: {dispute.Outcome} ({dispute.ValidVotes} valid / {dispute.InvalidVotes} invalid votes)" : "none"));
                rows.Add(("executor stake", $"{VerdictReport.Wei(stakeBefore)} -> {VerdictReport.Wei(stakeNow)}{(stakeNow < stakeBefore ? " (SLASHED)" : string.Empty)}"));
            }

            ctx.Output.Result(doc, console => console.Write(CliOutput.KeyValues($"og job verify {jobId}", rows)));
            return verdict.Passed ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        });
        return command;
    }

    /// <summary>Polls the hub until the job is settled; bounded by <paramref name="limit"/>.</summary>
    internal static async Task<JobStatus> WaitSettledAsync(InferenceClient client, BigInteger jobId, TimeSpan limit, CancellationToken ct)
    {
        DateTime giveUp = DateTime.UtcNow + limit;
        while (true)
        {
            JobStatus status = await client.Hub.JobStatusAsync(jobId, null, ct).ConfigureAwait(false);
            if (Array.IndexOf(Settled, status) >= 0)
            {
                return status;
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new CliException($"Job {jobId} is still {status} after {limit.TotalSeconds:0} s; wait longer with --timeout or check that the oracle nodes run (og node status).", ExitCodes.Timeout);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct).ConfigureAwait(false);
        }
    }

    private static JsonObject Describe(JobRecord record) => new()
    {
        ["ok"] = true,
        ["jobId"] = record.JobId.ToString(CultureInfo.InvariantCulture),
        ["model"] = record.ModelId.ToString(),
        ["requester"] = record.Request.Requester.ToString(),
        ["executor"] = record.Request.Executor.ToString(),
        ["fee"] = record.Request.Fee.ToString(CultureInfo.InvariantCulture),
        ["status"] = record.Status.ToString(),
        ["input"] = TensorJson.ToJson(record.Input),
        ["outcome"] = record.Outcome?.Kind.ToString(),
        ["output"] = record.Outcome?.Output is { } output ? TensorJson.ToJson(output) : null,
    };

    private static IEnumerable<(string, string)> Rows(JobRecord record)
    {
        yield return ("model", record.ModelId.ToString());
        yield return ("requester", record.Request.Requester.ToString());
        yield return ("executor", record.Request.Executor.ToString());
        yield return ("fee", VerdictReport.Wei(record.Request.Fee));
        yield return ("status", record.Status.ToString());
        yield return ("input", TensorJson.ToText(record.Input));
        yield return ("outcome", record.Outcome?.Kind.ToString() ?? "(none yet)");
        if (record.Outcome?.Output is { } output)
        {
            yield return ("output", TensorJson.ToText(output));
        }
    }
}
