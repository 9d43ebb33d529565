namespace OpenGradient.Cli.Common;

/// <summary>The exit codes of every <c>og</c> command (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A user error: bad arguments, unknown model, wrong password, missing files or prerequisites.</summary>
    public const int UserError = 1;

    /// <summary>A result did not pass local verification (or a job ended rejected).</summary>
    public const int VerificationFailed = 2;

    /// <summary>The chain or the RPC endpoint failed: unreachable, wrong chain, a reverted transaction.</summary>
    public const int ChainError = 3;

    /// <summary>A wait timed out.</summary>
    public const int Timeout = 4;

    /// <summary>A devnet child process (Hardhat node, Ignition, an oracle node) failed.</summary>
    public const int DevnetFailed = 5;

    /// <summary>Stopped by Ctrl-C / SIGTERM.</summary>
    public const int Interrupted = 130;
}
