using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenGradient.Cli.Common;

namespace OpenGradient.Cli.Nodes;

/// <summary><c>og node run [oracle options…]</c>: runs the oracle executable in the foreground with the given configuration.</summary>
internal static class NodeRunCommand
{
    public static Command Create()
    {
        var settings = new Argument<string[]>("settings")
        {
            Description = "Oracle settings passed through, e.g. --Chain:RpcUrl=http://127.0.0.1:8545 --Keys:KeystorePath=key.json (see docs/oracle.md).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("run", "Run an oracle node in the foreground (Ctrl-C stops it gracefully).") { settings };
        command.TreatUnmatchedTokensAsErrors = false;
        CommandRunner.SetAction(command, async (ctx, ct) =>
        {
            string dll = OracleDll();
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
            info.ArgumentList.Add(dll);
            foreach (string s in ctx.Parse.GetValue(settings) ?? [])
            {
                info.ArgumentList.Add(s);
            }

            foreach (string s in ctx.Parse.UnmatchedTokens)
            {
                info.ArgumentList.Add(s);
            }

            using Process process = Process.Start(info)!;
            try
            {
                await process.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            return process.ExitCode;
        });
        return command;
    }

    private static string OracleDll()
    {
        string? repo = RepoLocator.TryFind();
        string beside = Path.Combine(AppContext.BaseDirectory, "OpenGradient.Oracle.dll");
        if (File.Exists(beside))
        {
            return beside;
        }

        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string candidate = Path.Combine(repo ?? ".", "oracle", "OpenGradient.Oracle", "bin", configuration, "net10.0", "OpenGradient.Oracle.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CliException("The oracle node is not built; run `dotnet build OpenGradient.sln -c Release` in the repository, then retry.");
    }
}
