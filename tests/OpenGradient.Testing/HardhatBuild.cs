using System.Collections.Concurrent;

namespace OpenGradient.Testing;

/// <summary>Compiles Solidity sources with <c>hardhat build</c> when their artifacts are missing or stale.</summary>
public static class HardhatBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Builds = new(StringComparer.Ordinal);

    /// <summary>How long one <c>hardhat build</c> may take before it is killed.</summary>
    public static TimeSpan BuildTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Makes sure the artifacts of <paramref name="sourceFiles"/> (paths relative to the repository root,
    /// e.g. <c>contracts/test/RpcProbe.sol</c>) exist and are newer than their sources, running
    /// <c>hardhat build</c> for just those files at most once per process otherwise. With no files,
    /// builds the whole project once per process if the artifacts folder is missing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build failed; the message holds the compiler output.</exception>
    public static Task EnsureBuiltAsync(params string[] sourceFiles)
    {
        string key = string.Join('|', sourceFiles);
        Lazy<Task> build = Builds.GetOrAdd(key, _ => new Lazy<Task>(() => BuildIfNeededAsync(sourceFiles)));
        return build.Value;
    }

    private static async Task BuildIfNeededAsync(string[] sourceFiles)
    {
        if (!NeedsBuild(sourceFiles))
        {
            return;
        }

        RepoPaths.EnsureNodeModules();

        // Test processes of different projects may build at once; hardhat's cache is not safe for that.
        string lockPath = Path.Combine(RepoPaths.Root, "cache", "og-testing-build.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using FileStream buildLock = await AcquireLockAsync(lockPath).ConfigureAwait(false);
        if (!NeedsBuild(sourceFiles))
        {
            return;
        }

        var arguments = new List<string> { RepoPaths.HardhatCli, "build", "--quiet" };
        arguments.AddRange(sourceFiles);
        ProcessResult result = await ProcessRunner.RunAsync(
            RepoPaths.NodeBinary, arguments, RepoPaths.Root, BuildTimeout, HardhatNode.NodeEnvironment()).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`hardhat build {string.Join(' ', sourceFiles)}` failed with exit code {result.ExitCode}; fix the Solidity error below " +
                $"(or run `npx hardhat build` to see it) and run the tests again.{Environment.NewLine}{result.CombinedOutput}");
        }
    }

    private static bool NeedsBuild(string[] sourceFiles)
    {
        if (sourceFiles.Length == 0)
        {
            return !Directory.Exists(Path.Combine(RepoPaths.Artifacts, "contracts"));
        }

        foreach (string source in sourceFiles)
        {
            string sourcePath = Path.Combine(RepoPaths.Root, source);
            string artifactDir = Path.Combine(RepoPaths.Artifacts, source);
            if (!Directory.Exists(artifactDir))
            {
                return true;
            }

            DateTime newestArtifact = DateTime.MinValue;
            foreach (string file in Directory.EnumerateFiles(artifactDir, "*.json"))
            {
                DateTime written = File.GetLastWriteTimeUtc(file);
                newestArtifact = written > newestArtifact ? written : newestArtifact;
            }

            if (newestArtifact == DateTime.MinValue || File.GetLastWriteTimeUtc(sourcePath) > newestArtifact)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<FileStream> AcquireLockAsync(string path)
    {
        DateTime giveUp = DateTime.UtcNow + BuildTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                // Another process is building; its lock is released when it finishes.
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }
}
