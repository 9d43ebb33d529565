using System.CommandLine;

namespace OpenGradient.Cli.Common;

/// <summary>The options every command accepts (recursive on the root command).</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document to stdout instead of tables (for scripts).",
        Recursive = true,
    };

    public static readonly Option<string> Rpc = new("--rpc")
    {
        Description = "JSON-RPC endpoint of the chain.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OG_RPC_URL") ?? "http://127.0.0.1:8545",
        Recursive = true,
    };

    public static readonly Option<string> Deployment = new("--deployment")
    {
        Description = "Deployment file with the contract addresses.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("OG_DEPLOYMENT") ?? Path.Combine("deploy", "deployments", "31337.json"),
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "Raw private key (hex) that signs; local dev chains only. Or set OG_PRIVATE_KEY.",
        Recursive = true,
    };

    public static readonly Option<string?> Keystore = new("--keystore")
    {
        Description = "Keystore v3 file that signs; password from OG_PASSWORD or a prompt.",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Json);
        root.Options.Add(Rpc);
        root.Options.Add(Deployment);
        root.Options.Add(Key);
        root.Options.Add(Keystore);
    }
}
