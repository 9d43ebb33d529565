using System.Diagnostics;
using System.Text.Json;
using OpenGradient.Testing;

namespace OpenGradient.Cli.Tests;

/// <summary>Runs the real <c>og</c> (its build output) as a child process.</summary>
public static class Og
{
    /// <summary>The og assembly of the same configuration as the tests.</summary>
    public static string Dll
    {
        get
        {
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepoPaths.Root, "sdk", "OpenGradient.Cli", "bin", configuration, "net10.0", "og.dll");
        }
    }

    /// <summary>Runs <c>og args</c> to the end (bounded).</summary>
    public static Task<ProcessResult> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. args], RepoPaths.Root, timeout ?? TimeSpan.FromMinutes(3), environment ?? new Dictionary<string, string?>());

    /// <summary>Starts <c>og args</c> in the background with stdout/stderr redirected.</summary>
    public static Process Start(IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(Dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    /// <summary>The single JSON document a --json command printed.</summary>
    public static JsonElement Json(ProcessResult result)
    {
        using JsonDocument document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary>The non-empty lines of stderr.</summary>
    public static string[] ErrorLines(ProcessResult result) =>
        result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
