namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>Locates the repository (the folder holding OpenGradient.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The source folder of this test project.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "OpenGradient.Ethereum.Tests");

    /// <summary>Path of a file in the test project's <c>Vectors/</c> folder (read from source, not copied to bin).</summary>
    public static string Vector(string fileName) => Path.Combine(TestProject, "Vectors", fileName);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenGradient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find OpenGradient.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
