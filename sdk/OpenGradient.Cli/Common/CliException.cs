using OpenGradient.Ethereum;

namespace OpenGradient.Cli.Common;

/// <summary>An error the CLI reports as one line (what was wrong and what to do) with an exit code from <see cref="ExitCodes"/>.</summary>
internal sealed class CliException : EthereumException
{
    public CliException(string message, int exitCode = ExitCodes.UserError, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }
}
