using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Spectre.Console;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Jobs;
using OpenGradient.Inference;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Models;

/// <summary><c>og model register|list|show</c>.</summary>
internal static class ModelCommands
{
    public static Command Create()
    {
        var model = new Command("model", "Register and inspect models.");

        var file = new Argument<string>("onnx-file") { Description = "The ONNX file (its sha256 is the model id)." };
        var fee = new Option<decimal>("--fee") { Description = "Fee per job in OPG.", DefaultValueFactory = _ => 0.1m };
        var decimals = new Option<int>("--decimals") { Description = "Output fixed-point decimals.", DefaultValueFactory = _ => 6 };
        var tolerance = new Option<ulong>("--tolerance") { Description = "Verification tolerance in quantized units.", DefaultValueFactory = _ => 10 };
        var uri = new Option<string?>("--uri") { Description = "Where nodes fetch it (default: a file:// URI of the local store)." };
        var register = new Command("register", "Register an ONNX model on chain.") { file, fee, decimals, tolerance, uri };
        CommandRunner.SetAction(register, async (ctx, ct) =>
        {
            string path = ctx.Parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"Model file '{path}' does not exist; pass the path of an .onnx file.");
            }

            using InferenceClient client = await ctx.ConnectAsync(ctx.RequireKey("register a model"), ct).ConfigureAwait(false);
            ModelInfo info = await client.RegisterModelAsync(path, new ModelRegistration
            {
                FeePerJob = new BigInteger(ctx.Parse.GetValue(fee) * 1_000_000m) * BigInteger.Pow(10, 12),
                OutputDecimals = ctx.Parse.GetValue(decimals),
                Tolerance = ctx.Parse.GetValue(tolerance),
                Uri = ctx.Parse.GetValue(uri),
            }, ct).ConfigureAwait(false);
            Print(ctx, info, "registered");
            return ExitCodes.Ok;
        });
        model.Subcommands.Add(register);

        model.Subcommands.Add(ModelListCommand.Create());

        var which = new Argument<string>("model") { Description = "Sample name or 0x sha256 id." };
        var show = new Command("show", "Show one registered model.") { which };
        CommandRunner.SetAction(show, async (ctx, ct) =>
        {
            ModelId id = ModelResolver.Resolve(ctx.Parse.GetValue(which)!);
            using InferenceClient client = await ctx.ConnectAsync(null, ct).ConfigureAwait(false);
            Print(ctx, await client.GetModelAsync(id, ct).ConfigureAwait(false), "model");
            return ExitCodes.Ok;
        });
        model.Subcommands.Add(show);
        return model;
    }

    private static void Print(CliContext ctx, ModelInfo info, string title)
    {
        var doc = new JsonObject
        {
            ["ok"] = true,
            ["id"] = info.Id.ToString(),
            ["name"] = ModelResolver.SampleName(info.Id),
            ["owner"] = info.Owner.ToString(),
            ["feePerJob"] = info.FeePerJob.ToString(CultureInfo.InvariantCulture),
            ["active"] = info.Active,
            ["outputDecimals"] = info.OutputDecimals,
            ["tolerance"] = info.Tolerance,
            ["uri"] = info.Uri,
        };
        ctx.Output.Result(doc, console => console.Write(CliOutput.KeyValues(title, [
            ("id", info.Id.ToString()),
            ("name", ModelResolver.SampleName(info.Id) ?? "-"),
            ("owner", info.Owner.ToString()),
            ("fee per job", VerdictReport.Wei(info.FeePerJob)),
            ("active", info.Active ? "yes" : "no"),
            ("output decimals", info.OutputDecimals.ToString(CultureInfo.InvariantCulture)),
            ("tolerance", info.Tolerance.ToString(CultureInfo.InvariantCulture)),
            ("uri", info.Uri),
        ])));
    }
}
