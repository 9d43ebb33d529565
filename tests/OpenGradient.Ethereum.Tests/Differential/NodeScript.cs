using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>
/// Runs a Node ESM script from this test project's <c>Differential/</c> folder with the system
/// <c>node</c>, for differential tests against viem/ethers (resolved from the repository's
/// <c>node_modules</c>, because Node resolves bare imports relative to the script file).
/// </summary>
/// <remarks>
/// Protocol: the script is called as <c>node script.mjs &lt;input.json&gt; &lt;output.json&gt;</c>; it reads
/// its cases from the input file and writes its answer (any JSON) to the output file. Batch many
/// cases per run: starting Node costs ~100 ms.
/// </remarks>
internal static class NodeScript
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="scriptName"/> with <paramref name="input"/> serialized as JSON and returns its parsed output.</summary>
    public static JsonNode Run(string scriptName, JsonNode input, TimeSpan? timeout = null) =>
        JsonNode.Parse(RunRaw(scriptName, input.ToJsonString(), timeout))
        ?? throw new InvalidOperationException($"Node script {scriptName} wrote JSON null.");

    /// <summary>Runs <paramref name="scriptName"/> with <paramref name="input"/> serialized by System.Text.Json and deserializes its output.</summary>
    public static TOutput Run<TInput, TOutput>(string scriptName, TInput input, TimeSpan? timeout = null) =>
        JsonSerializer.Deserialize<TOutput>(RunRaw(scriptName, JsonSerializer.Serialize(input), timeout))
        ?? throw new InvalidOperationException($"Node script {scriptName} wrote JSON null.");

    /// <summary>Runs the script with raw JSON text in and returns the raw JSON text it wrote.</summary>
    public static string RunRaw(string scriptName, string inputJson, TimeSpan? timeout = null)
    {
        string script = Path.Combine(RepositoryPaths.TestProject, "Differential", scriptName);
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"Node script {script} does not exist; differential scripts live in tests/OpenGradient.Ethereum.Tests/Differential/.", script);
        }

        string nodeModules = Path.Combine(RepositoryPaths.Root, "node_modules");
        if (!Directory.Exists(Path.Combine(nodeModules, "viem")))
        {
            throw new InvalidOperationException(
                $"{nodeModules} has no viem; run `npm ci` in {RepositoryPaths.Root} before the differential tests.");
        }

        string work = Path.Combine(Path.GetTempPath(), "og-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string inputPath = Path.Combine(work, "input.json");
            string outputPath = Path.Combine(work, "output.json");
            File.WriteAllText(inputPath, inputJson);
            RunNode(script, inputPath, outputPath, timeout ?? DefaultTimeout);
            if (!File.Exists(outputPath))
            {
                throw new InvalidOperationException($"Node script {scriptName} exited successfully but wrote no output file.");
            }

            return File.ReadAllText(outputPath);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void RunNode(string script, string inputPath, string outputPath, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(inputPath);
        start.ArgumentList.Add(outputPath);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null for node.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start `node`; install Node.js 20+ and put it on PATH to run the differential tests.", e);
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"Node script {Path.GetFileName(script)} did not finish within {timeout}; it was killed.");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Node script {Path.GetFileName(script)} failed with exit code {process.ExitCode}.\nstderr:\n{stderr.Result}\nstdout:\n{stdout.Result}");
            }
        }
    }
}
