using OpenGradient.Contracts.Generator;

// Usage: OpenGradient.Contracts.Generator --list <bindings.txt> --artifacts <dir> --sources <dir> --out <dir> [--check]
// --check compares instead of writing and exits 1 when a file differs (stale bindings).
var options = new Dictionary<string, string>(StringComparer.Ordinal);
bool check = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--check")
    {
        check = true;
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[args[i][2..]] = args[++i];
    }
}

foreach (string required in new[] { "list", "artifacts", "sources", "out" })
{
    if (!options.ContainsKey(required))
    {
        Console.Error.WriteLine($"missing --{required}. Usage: --list <bindings.txt> --artifacts <dir> --sources <dir> --out <dir> [--check]");
        return 2;
    }
}

try
{
    var contracts = ContractSource.ParseList(File.ReadAllText(options["list"]));
    var files = new BindingGenerator(contracts, options["artifacts"], options["sources"]).Generate();
    return BindingWriter.Write(files, options["out"], check, Console.Out);
}
catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"binding generation failed: {e.Message}");
    return 1;
}
