namespace OpenGradient.Cli.Devnet;

/// <summary>The options of <c>og devnet</c>.</summary>
internal sealed record DevnetSettings(int Port, int Nodes, int Liar, string Directory, string DeploymentOut, bool ExitAfterDemo);
