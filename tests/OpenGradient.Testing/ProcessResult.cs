namespace OpenGradient.Testing;

/// <summary>How a process run by <see cref="ProcessRunner"/> ended, with everything it wrote.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for failure messages.</summary>
    public string CombinedOutput => StandardOutput + (StandardError.Length > 0 ? Environment.NewLine + StandardError : string.Empty);
}
