using System.Diagnostics;
using System.Text;

namespace OpenGradient.Testing;

/// <summary>Runs a child process to completion with a bounded wait, capturing its output.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>, waits for it to exit, and returns
    /// its exit code and output. On timeout or cancellation the whole process tree is killed.
    /// </summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">Arguments, passed without shell quoting rules.</param>
    /// <param name="workingDirectory">Working directory; the repository root when null.</param>
    /// <param name="timeout">How long to wait before killing the process.</param>
    /// <param name="environment">Extra environment variables (a null value removes one).</param>
    /// <param name="cancellationToken">Cancels the wait and kills the process.</param>
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        using Process process = Create(fileName, arguments, workingDirectory, environment);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0} s and was killed. " +
                $"Output so far:{Environment.NewLine}{Snapshot(stdout)}{Environment.NewLine}{Snapshot(stderr)}");
        }

        // The parameterless wait drains the asynchronous output readers after exit.
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return new ProcessResult(process.ExitCode, Snapshot(stdout), Snapshot(stderr));
    }

    /// <summary>Kills <paramref name="process"/> and all of its descendants; ignores a process that already exited.</summary>
    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    internal static Process Create(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach ((string key, string? value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(key);
                }
                else
                {
                    info.Environment[key] = value;
                }
            }
        }

        return new Process { StartInfo = info, EnableRaisingEvents = true };
    }

    private static void Append(StringBuilder sink, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sink)
        {
            sink.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }
}
