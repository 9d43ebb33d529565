using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace OpenGradient.Cli.Common;

/// <summary>
/// Where a command prints: with <c>--json</c> exactly one JSON document on stdout (progress goes to stderr); otherwise
/// Spectre.Console tables, with colour only when stdout is a terminal.
/// </summary>
internal sealed class CliOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly IAnsiConsole _console;

    public CliOutput(bool json)
    {
        IsJson = json;
        bool terminal = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(Console.Out),
        });
    }

    public bool IsJson { get; }

    public IAnsiConsole Console2 => _console;

    /// <summary>A progress line: stderr, so stdout stays one document in JSON mode.</summary>
    public static void Progress(string line) => Console.Error.WriteLine("og: " + line);

    /// <summary>Prints the command's result: the JSON document, or the human rendering.</summary>
    public void Result(JsonNode document, Action<IAnsiConsole> human)
    {
        if (IsJson)
        {
            Console.Out.WriteLine(document.ToJsonString(Indented));
            Console.Out.Flush();
        }
        else
        {
            human(_console);
        }
    }

    /// <summary>A two-column key/value table.</summary>
    public static Table KeyValues(string title, IEnumerable<(string Key, string Value)> rows)
    {
        var table = new Table { Title = new TableTitle(title) };
        table.AddColumn("");
        table.AddColumn("");
        table.HideHeaders();
        foreach ((string key, string value) in rows)
        {
            table.AddRow(Markup.Escape(key), Markup.Escape(value));
        }

        return table;
    }
}
