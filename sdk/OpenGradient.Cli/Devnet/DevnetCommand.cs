using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Inference;
using OpenGradient.Cli.Jobs;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;
using OpenGradient.Sdk;
using Spectre.Console;

namespace OpenGradient.Cli.Devnet;

/// <summary><c>og devnet</c>: the one-command local network with a demo inference.</summary>
internal static class DevnetCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Hardhat node port on 127.0.0.1.", DefaultValueFactory = _ => 8545 };
        var nodes = new Option<int>("--nodes") { Description = "Oracle nodes to stake and start (at least 3).", DefaultValueFactory = _ => 3 };
        var liar = new Option<int>("--liar") { Description = "Make node N (1-based) post corrupted results (0 = none).", DefaultValueFactory = _ => 0 };
        var dir = new Option<string?>("--dir") { Description = "Devnet folder for logs, models and node data (default <repo>/.devnet)." };
        var deploymentOut = new Option<string?>("--deployment-out") { Description = "Where to write the deployment file (default <repo>/deploy/deployments/31337.json)." };
        var exitAfterDemo = new Option<bool>("--exit-after-demo", "--demo-only") { Description = "Stop everything after the demo instead of running until Ctrl-C." };
        var command = new Command("devnet", "Start a Hardhat node, deploy, register the sample models, start staked oracle nodes and run a demo inference.")
        {
            port, nodes, liar, dir, deploymentOut, exitAfterDemo,
        };
        CommandRunner.SetAction(command, async (ctx, ct) =>
        {
            string repo = RepoLocator.Find();
            int nodeCount = ctx.Parse.GetValue(nodes);
            int liarIndex = ctx.Parse.GetValue(liar);
            if (nodeCount is < 3 or > 8)
            {
                throw new CliException($"--nodes must be 3..8 (got {nodeCount}); disputes need a committee of other staked nodes.");
            }

            if (liarIndex < 0 || liarIndex > nodeCount)
            {
                throw new CliException($"--liar must be 0 (none) or a node number 1..{nodeCount} (got {liarIndex}).");
            }

            string folder = Path.GetFullPath(ctx.Parse.GetValue(dir) ?? Path.Combine(repo, ".devnet"));
            string deploymentPath = Path.GetFullPath(ctx.Parse.GetValue(deploymentOut) ?? Path.Combine(repo, "deploy", "deployments", "31337.json"));
            var settings = new DevnetSettings(ctx.Parse.GetValue(port), nodeCount, liarIndex, folder, deploymentPath, ctx.Parse.GetValue(exitAfterDemo));
            await using var runner = new DevnetRunner(settings, repo);
            string oracleDll = runner.CheckPrerequisites();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            CliOutput.Progress($"starting the Hardhat node on {runner.RpcUrl}");
            await runner.StartChainAsync(ct).ConfigureAwait(false);
            CliOutput.Progress("deploying the contracts with Ignition (challenge window " + DevnetRunner.ChallengeWindowSeconds + " s, vote phases " + DevnetRunner.PhaseSeconds + " s)");
            Sdk.Deployment deployment = await runner.DeployAsync(ct).ConfigureAwait(false);
            CliOutput.Progress($"funding and staking {nodeCount} oracle nodes");
            await runner.FundAndStakeAsync(deployment, ct).ConfigureAwait(false);
            List<SampleModel> models = await runner.RegisterModelsAsync(deployment, ct).ConfigureAwait(false);
            CliOutput.Progress($"registered {models.Count} sample models; starting the oracle nodes");
            await runner.StartOraclesAsync(oracleDll, ct).ConfigureAwait(false);

            CliOutput.Progress("running the demo inference (request → result → challenge window → finalized)");
            JsonObject demo = await RunDemoAsync(runner, deploymentPath, liarIndex, folder, ct).ConfigureAwait(false);
            bool verified = demo["verification"]?["passed"]?.GetValue<bool>() == true && demo["status"]?.GetValue<string>() == nameof(JobStatus.Finalized);

            JsonObject doc = Summary(runner, deployment, deploymentPath, models, settings, demo);
            doc["ok"] = verified;
            ctx.Output.Result(doc, console => Render(console, doc));
            Console.Out.Flush();
            if (settings.ExitAfterDemo)
            {
                CliOutput.Progress("demo done; stopping the devnet (--exit-after-demo)");
                return verified ? ExitCodes.Ok : ExitCodes.VerificationFailed;
            }

            CliOutput.Progress("devnet ready; press Ctrl-C to stop every process");
            while (!ct.IsCancellationRequested)
            {
                if (runner.FirstExited() is { } dead)
                {
                    throw new CliException($"{dead.Name} exited with code {dead.ExitCode}; stopping the devnet. Its log is in {folder}.", ExitCodes.DevnetFailed);
                }

                try
                {
                    await Task.Delay(500, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            CliOutput.Progress("stopping the oracle nodes and the Hardhat node");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<JsonObject> RunDemoAsync(DevnetRunner runner, string deploymentPath, int liar, string folder, CancellationToken ct)
    {
        var options = new InferenceClientOptions
        {
            RpcUrl = runner.RpcUrl,
            DeploymentPath = deploymentPath,
            PollInterval = TimeSpan.FromMilliseconds(250),
            ModelStoreDirectory = Path.Combine(folder, "client-models"),
        };
        using InferenceClient client = await InferenceClient.ConnectAsync(options, EthKey.Parse(DevAccounts.PrivateKeys[DevAccounts.Requester]), cancellationToken: ct).ConfigureAwait(false);
        SampleModel model = SampleModels.LinearRegressor();
        ModelId id = ModelId.FromBytes(model.Sha256.Span);
        TensorList input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1.5f, -2f, 0.25f, 3f]));

        // The demo shows the honest path: a job that lands on the lying node (if one is configured) is left to the
        // verifiers and the demo asks again.
        SubmittedJob job = await client.RequestInferenceAsync(id, input, null, ct).ConfigureAwait(false);
        for (int attempt = 0; liar > 0 && job.Executor == DevnetRunner.NodeAddress(liar) && attempt < 8; attempt++)
        {
            CliOutput.Progress($"demo job {job.JobId} went to the lying node{liar}; requesting again");
            job = await client.RequestInferenceAsync(id, input, null, ct).ConfigureAwait(false);
        }

        JobOutcome outcome = await client.WaitForResultAsync(job.JobId, TimeSpan.FromSeconds(120), ct).ConfigureAwait(false);
        VerificationVerdict verdict = await client.VerifyLocallyAsync(job.JobId, ct).ConfigureAwait(false);
        CliOutput.Progress($"demo job {job.JobId}: result posted by {outcome.Executor}, verified locally: {(verdict.Passed ? "PASS" : "FAIL")}; waiting {DevnetRunner.ChallengeWindowSeconds} s for the challenge window to close");
        JobStatus status = await JobCommands.WaitSettledAsync(client, job.JobId, TimeSpan.FromSeconds(180), ct).ConfigureAwait(false);
        return new JsonObject
        {
            ["jobId"] = job.JobId.ToString(CultureInfo.InvariantCulture),
            ["model"] = model.Name,
            ["modelId"] = id.ToString(),
            ["executor"] = outcome.Executor.ToString(),
            ["fee"] = job.Fee.ToString(CultureInfo.InvariantCulture),
            ["input"] = TensorJson.ToJson(input),
            ["output"] = outcome.Output is null ? null : TensorJson.ToJson(outcome.Output),
            ["status"] = status.ToString(),
            ["verification"] = VerdictReport.ToJson(verdict),
        };
    }

    private static JsonObject Summary(DevnetRunner runner, Sdk.Deployment deployment, string deploymentPath, List<SampleModel> models, DevnetSettings settings, JsonObject demo)
    {
        var nodes = new JsonArray();
        for (int i = 1; i <= settings.Nodes; i++)
        {
            int port = runner.OraclePorts[i - 1];
            nodes.Add(new JsonObject
            {
                ["name"] = $"node{i}",
                ["address"] = DevnetRunner.NodeAddress(i).ToString(),
                ["health"] = $"http://127.0.0.1:{port}/health",
                ["metrics"] = $"http://127.0.0.1:{port}/metrics",
                ["lying"] = i == settings.Liar,
                ["data"] = Path.Combine(settings.Directory, $"node{i}"),
            });
        }

        var modelArray = new JsonArray();
        foreach (SampleModel m in models)
        {
            modelArray.Add(new JsonObject { ["name"] = m.Name, ["id"] = m.ModelIdHex });
        }

        return new JsonObject
        {
            ["rpcUrl"] = runner.RpcUrl.ToString().TrimEnd('/'),
            ["chainId"] = deployment.ChainId,
            ["deploymentFile"] = deploymentPath,
            ["directory"] = settings.Directory,
            ["contracts"] = new JsonObject
            {
                ["OPGToken"] = deployment.Token.ToString(),
                ["ModelRegistry"] = deployment.Registry.ToString(),
                ["NodeStaking"] = deployment.Staking.ToString(),
                ["InferenceHub"] = deployment.Hub.ToString(),
                ["ExampleConsumer"] = deployment.ExampleConsumer?.ToString(),
            },
            ["requesterKey"] = DevAccounts.PrivateKeys[DevAccounts.Requester],
            ["requester"] = DevnetRunner.NodeAddress(DevAccounts.Requester).ToString(),
            ["challengeWindowSeconds"] = DevnetRunner.ChallengeWindowSeconds,
            ["nodes"] = nodes,
            ["models"] = modelArray,
            ["demo"] = demo,
        };
    }

    private static void Render(IAnsiConsole console, JsonObject doc)
    {
        var rows = new List<(string, string)>
        {
            ("RPC", doc["rpcUrl"]!.ToString()),
            ("deployment", doc["deploymentFile"]!.ToString()),
        };
        foreach ((string name, JsonNode? address) in doc["contracts"]!.AsObject())
        {
            rows.Add(($"  {name}", address?.ToString() ?? "-"));
        }

        foreach (JsonNode? n in doc["nodes"]!.AsArray())
        {
            rows.Add((n!["name"]!.ToString(), $"{n["address"]}  {n["health"]}  {n["metrics"]}{(n["lying"]!.GetValue<bool>() ? "  (LYING)" : string.Empty)}"));
        }

        foreach (JsonNode? m in doc["models"]!.AsArray())
        {
            rows.Add(($"model {m!["name"]}", m["id"]!.ToString()));
        }

        rows.Add(("requester (dev key)", $"{doc["requester"]}  {doc["requesterKey"]}"));
        console.Write(CliOutput.KeyValues("OpenGradient devnet", rows));

        JsonObject demo = doc["demo"]!.AsObject();
        JsonObject verification = demo["verification"]!.AsObject();
        console.Write(CliOutput.KeyValues("demo inference", [
            ("job", demo["jobId"]!.ToString()),
            ("model", $"{demo["model"]} {demo["modelId"]}"),
            ("executor", demo["executor"]!.ToString()),
            ("input", Flat(demo["input"])),
            ("output", Flat(demo["output"])),
            ("status", demo["status"]!.ToString()),
            ("verification", verification["passed"]!.GetValue<bool>() ? "PASS — matches a local run within tolerance" : "FAIL — " + verification["summary"]),
            ("fee paid", VerdictReport.Wei(System.Numerics.BigInteger.Parse(demo["fee"]!.ToString(), CultureInfo.InvariantCulture)) + " (node + model owner + treasury)"),
        ]));
        console.WriteLine($"Try: og infer --rpc {doc["rpcUrl"]} --deployment {doc["deploymentFile"]} --key <requester key> --model mlp-classifier --input '{{\"features\": [[1,2,3,4,5,6,7,8]]}}'");
    }

    private static string Flat(JsonNode? tensors)
    {
        if (tensors is not JsonArray array)
        {
            return "-";
        }

        var parts = new List<string>();
        foreach (JsonNode? t in array)
        {
            parts.Add($"{t!["name"]} = {t["values"]!.ToJsonString()}");
        }

        return string.Join("; ", parts);
    }
}
