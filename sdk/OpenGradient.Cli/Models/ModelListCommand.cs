using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;
using OpenGradient.Cli.Common;
using OpenGradient.Cli.Jobs;
using OpenGradient.Inference;
using OpenGradient.Models.Samples;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Models;

/// <summary>
/// <c>og model list</c>: every model registered on the deployment (oldest first, with its current terms), then the
/// sample models that are not registered there.
/// </summary>
internal static class ModelListCommand
{
    private static readonly string[] Columns = ["name", "id", "owner", "fee per job", "active", "decimals", "tolerance", "uri"];

    public static Command Create()
    {
        var list = new Command(
            "list",
            "Every model registered on this deployment (found from the registry's ModelRegistered events) with its owner and current terms, then the sample models not registered here.");
        CommandRunner.SetAction(list, async (ctx, ct) =>
        {
            using InferenceClient client = await ctx.ConnectAsync(null, ct).ConfigureAwait(false);
            IReadOnlyList<ModelInfo> registered = await client.ListModelsAsync(ct).ConfigureAwait(false);
            Dictionary<ModelId, SampleModel> samples = SampleModels.All().ToDictionary(SampleId);
            var registeredIds = new HashSet<ModelId>(registered.Select(m => m.Id));
            List<SampleModel> unregistered = [.. samples.Values.Where(s => !registeredIds.Contains(SampleId(s)))];

            var items = new JsonArray();
            foreach (ModelInfo info in registered)
            {
                items.Add(Registered(info, samples.GetValueOrDefault(info.Id)));
            }

            foreach (SampleModel sample in unregistered)
            {
                items.Add(NotRegistered(sample));
            }

            ctx.Output.Result(
                new JsonObject { ["ok"] = true, ["models"] = items },
                console => console.Write(Render(console, registered, samples, unregistered)));
            return ExitCodes.Ok;
        });
        return list;
    }

    // "name", "id", "registered", "active", "fee" and "description" are the fields of the original sample-only
    // listing; scripts parse them, so they keep their names and meaning.
    private static JsonObject Registered(ModelInfo info, SampleModel? sample) => new()
    {
        ["name"] = sample?.Name,
        ["id"] = info.Id.ToString(),
        ["registered"] = true,
        ["active"] = info.Active,
        ["fee"] = info.FeePerJob.ToString(CultureInfo.InvariantCulture),
        ["description"] = sample?.Description,
        ["owner"] = info.Owner.ToString(),
        ["outputDecimals"] = info.OutputDecimals,
        ["tolerance"] = info.Tolerance,
        ["uri"] = info.Uri,
    };

    private static JsonObject NotRegistered(SampleModel sample) => new()
    {
        ["name"] = sample.Name,
        ["id"] = SampleId(sample).ToString(),
        ["registered"] = false,
        ["active"] = null,
        ["fee"] = null,
        ["description"] = sample.Description,
        ["owner"] = null,
        ["outputDecimals"] = null,
        ["tolerance"] = null,
        ["uri"] = null,
    };

    /// <summary>
    /// One row per model when the table fits the console; otherwise (a narrow terminal, or output piped at 80 columns)
    /// the same fields as key/value lines per model, so that ids and owners are never broken across lines.
    /// </summary>
    private static IRenderable Render(IAnsiConsole console, IReadOnlyList<ModelInfo> registered, Dictionary<ModelId, SampleModel> samples, IReadOnlyList<SampleModel> unregistered)
    {
        List<string[]> rows = [];
        foreach (ModelInfo info in registered)
        {
            rows.Add([
                samples.GetValueOrDefault(info.Id)?.Name ?? "-",
                info.Id.ToString(),
                info.Owner.ToString(),
                VerdictReport.Wei(info.FeePerJob),
                info.Active ? "yes" : "no",
                info.OutputDecimals.ToString(CultureInfo.InvariantCulture),
                info.Tolerance.ToString(CultureInfo.InvariantCulture),
                info.Uri,
            ]);
        }

        foreach (SampleModel sample in unregistered)
        {
            rows.Add([sample.Name, SampleId(sample).ToString(), "not registered", "-", "-", "-", "-", "-"]);
        }

        string title = $"models ({registered.Count} registered)";
        string? caption = registered.Count == 0
            ? "No model is registered on this deployment; register one with `og model register <file.onnx>`."
            : null;
        if (WideWidth(rows) <= console.Profile.Width)
        {
            var table = new Table { Title = new TableTitle(title) };
            foreach (string column in Columns)
            {
                table.AddColumn(column);
            }

            foreach (string[] row in rows)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }

            if (caption is not null)
            {
                table.Caption = new TableTitle(caption);
            }

            return table;
        }

        // A borderless grid: "fee per job" + 2 spaces + a 66-character id fit in 80 columns.
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(2));
        grid.AddColumn();
        foreach (string[] row in rows)
        {
            if (grid.Rows.Count > 0)
            {
                grid.AddEmptyRow();
            }

            foreach ((string key, string value) in Columns.Zip(row))
            {
                grid.AddRow(Markup.Escape(key), Markup.Escape(value));
            }
        }

        List<IRenderable> blocks = [new Text(title), new Text(string.Empty), grid];
        if (caption is not null)
        {
            blocks.Add(new Text(caption));
        }

        return new Rows(blocks);
    }

    /// <summary>The width of the one-row-per-model table: each column is its widest cell plus padding and a border.</summary>
    private static int WideWidth(List<string[]> rows)
    {
        int width = 1;
        for (int column = 0; column < Columns.Length; column++)
        {
            int widest = Columns[column].Length;
            foreach (string[] row in rows)
            {
                widest = Math.Max(widest, row[column].Length);
            }

            width += widest + 3;
        }

        return width;
    }

    private static ModelId SampleId(SampleModel sample) => ModelId.FromBytes(sample.Sha256.Span);
}
