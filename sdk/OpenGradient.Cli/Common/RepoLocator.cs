namespace OpenGradient.Cli.Common;

/// <summary>Finds the repository root (the folder with <c>hardhat.config.js</c>) from the working directory or the og binary.</summary>
internal static class RepoLocator
{
    public static string? TryFind()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "hardhat.config.js")) && File.Exists(Path.Combine(dir.FullName, "OpenGradient.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    public static string Find() => TryFind()
        ?? throw new CliException("og devnet must run inside the OpenGradient repository (no hardhat.config.js found above the current folder); cd into your clone and retry.");
}
