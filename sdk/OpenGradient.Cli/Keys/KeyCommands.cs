using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using OpenGradient.Cli.Common;
using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Cli.Keys;

/// <summary><c>og keys new|import|list</c>: keystore v3 files in a keys directory (default ~/.opengradient/keys).</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir")
        {
            Description = "Keys directory.",
            DefaultValueFactory = _ => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".opengradient", "keys"),
            Recursive = true,
        };
        var keys = new Command("keys", "Create, import and list keystore v3 files.") { dir };

        var light = new Option<bool>("--light") { Description = "Cheaper scrypt (N=4096) for throwaway dev keys." };
        var create = new Command("new", "Generate a key and save it encrypted (password from OG_PASSWORD or a prompt).") { light };
        CommandRunner.SetAction(create, (ctx, ct) => Save(ctx, EthKey.Generate(), ctx.Parse.GetValue(dir)!, ctx.Parse.GetValue(light)));

        var privateKey = new Argument<string>("private-key") { Description = "Hex private key to import (0x + 64 hex digits)." };
        var import = new Command("import", "Encrypt an existing private key into the keys directory.") { privateKey, light };
        CommandRunner.SetAction(import, (ctx, ct) =>
        {
            EthKey key;
            try
            {
                key = EthKey.Parse(ctx.Parse.GetValue(privateKey)!);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OpenGradient.Ethereum.EthereumException)
            {
                throw new CliException("The private key is not 0x followed by 64 hex digits; check what you pasted.", ExitCodes.UserError, e);
            }

            return Save(ctx, key, ctx.Parse.GetValue(dir)!, ctx.Parse.GetValue(light));
        });

        var list = new Command("list", "List the keystore files and their addresses.");
        CommandRunner.SetAction(list, (ctx, ct) =>
        {
            string folder = ctx.Parse.GetValue(dir)!;
            var items = new JsonArray();
            var rows = new List<(string, string)>();
            if (Directory.Exists(folder))
            {
                foreach (string file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
                {
                    string? address = null;
                    try
                    {
                        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
                        address = doc.RootElement.TryGetProperty("address", out JsonElement a) ? "0x" + a.GetString()?.Replace("0x", string.Empty, StringComparison.Ordinal) : null;
                    }
                    catch (JsonException)
                    {
                        // Not a keystore: listed without an address.
                    }

                    items.Add(new JsonObject { ["file"] = file, ["address"] = address });
                    rows.Add((address ?? "?", file));
                }
            }

            ctx.Output.Result(new JsonObject { ["ok"] = true, ["directory"] = folder, ["keys"] = items }, console => console.Write(CliOutput.KeyValues($"keys in {folder}", rows)));
            return Task.FromResult(ExitCodes.Ok);
        });

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(import);
        keys.Subcommands.Add(list);
        return keys;
    }

    private static Task<int> Save(CliContext ctx, EthKey key, string folder, bool light)
    {
        string password = Passwords.Read("New keystore password");
        if (password.Length == 0)
        {
            throw new CliException($"Refusing an empty keystore password; set {Passwords.EnvironmentVariable} or type one.");
        }

        Directory.CreateDirectory(folder);
        string json = KeystoreV3.Encrypt(key, password, light ? KeystoreOptions.Light : KeystoreOptions.Default);
        string path = Path.Combine(folder, $"UTC--{DateTime.UtcNow:yyyy-MM-ddTHH-mm-ss.fffffff}Z--{key.Address.ToString()[2..].ToLowerInvariant()}.json");
        File.WriteAllText(path, json);
        ctx.Output.Result(
            new JsonObject { ["ok"] = true, ["address"] = key.Address.ToString(), ["file"] = path },
            console => console.Write(CliOutput.KeyValues("key saved", [("address", key.Address.ToString()), ("file", path)])));
        return Task.FromResult(ExitCodes.Ok);
    }
}
