using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using OpenGradient.Testing;

namespace OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One real oracle node: <c>dotnet OpenGradient.Oracle.dll</c> as a child process with its own key, SQLite file and
/// loopback ops port. Start it, wait for <c>/health/ready</c>, read <c>/metrics</c>, SIGKILL it, restart it on the same data.
/// Dispose kills it.
/// </summary>
public sealed class OracleProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly StringBuilder _output = new();
    private Process? _process;

    public OracleProcess(OracleNodeSettings settings)
    {
        Settings = settings;
        Directory.CreateDirectory(settings.DataDirectory);
        HttpPort = FreePort.Next();
    }

    /// <summary>The settings it runs with.</summary>
    public OracleNodeSettings Settings { get; }

    /// <summary>The loopback port of <c>/health</c> and <c>/metrics</c>.</summary>
    public int HttpPort { get; private set; }

    /// <summary>The node database file.</summary>
    public string DatabasePath => Path.Combine(Settings.DataDirectory, "oracle.db");

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Everything every run of the node printed.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The oracle assembly: its own build output when present, else the copy next to the tests.</summary>
    public static string OracleDll
    {
        get
        {
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            string own = Path.Combine(RepoPaths.Root, "oracle", "OpenGradient.Oracle", "bin", configuration, "net10.0", "OpenGradient.Oracle.dll");
            return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "OpenGradient.Oracle.dll");
        }
    }

    /// <summary>Starts the process (on the same data as any earlier run).</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Settings.Name} is already running.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Settings.DataDirectory,
        };
        info.ArgumentList.Add(OracleDll);
        foreach ((string key, string value) in Arguments())
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        Append($"---- {Settings.Name} start #{Starts} (pid {process.Id}) ----");
    }

    /// <summary>Waits (bounded) until <c>/health/ready</c> answers 200.</summary>
    /// <exception cref="TimeoutException">Not ready in time; the message holds the node's output.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        await Eventually.WaitAsync(
            async () =>
            {
                if (_process is { HasExited: true } exited)
                {
                    throw new InvalidOperationException($"{Settings.Name} exited with code {exited.ExitCode} before it was ready:{Environment.NewLine}{Output}");
                }

                return await IsReadyAsync(cancellationToken).ConfigureAwait(false);
            },
            timeout ?? TimeSpan.FromSeconds(60),
            () => $"{Settings.Name} was not ready on http://127.0.0.1:{HttpPort}/health/ready. Output:{Environment.NewLine}{Output}",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <c>/health/ready</c> answers 200 now.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using HttpResponseMessage response = await Http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/health/ready"), cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The <c>/metrics</c> text.</summary>
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken = default) =>
        await Http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}/metrics"), cancellationToken).ConfigureAwait(false);

    /// <summary>The value of one sample in <c>/metrics</c> (e.g. <c>og_jobs_total{outcome="submitted"}</c>); 0 when absent.</summary>
    public async Task<double> GetMetricAsync(string sample, CancellationToken cancellationToken = default)
    {
        string text = await GetMetricsTextAsync(cancellationToken).ConfigureAwait(false);
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>Kills the process with SIGKILL (no graceful shutdown) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        ProcessRunner.KillTree(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        Append($"---- {Settings.Name} killed (SIGKILL) ----");
    }

    /// <summary>Asks the process to stop (SIGTERM, graceful) and waits up to <paramref name="timeout"/>; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (_process is null || _process.HasExited)
        {
            return _process?.ExitCode ?? 0;
        }

        using (Process kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ProcessRunner.KillTree(_process);
            throw new TimeoutException($"{Settings.Name} did not stop within {timeout ?? TimeSpan.FromSeconds(30)} after SIGTERM:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILLs (if running), starts again on the same data, and waits until ready.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await KillAsync().ConfigureAwait(false);
        Start();
        await WaitUntilReadyAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits (bounded) until the output contains <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Eventually.WaitAsync(
            () => Task.FromResult(Output.Contains(text, StringComparison.Ordinal)),
            timeout,
            () => $"{Settings.Name} never printed '{text}'. Output:{Environment.NewLine}{Output}",
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync().ConfigureAwait(false);
            _process.Dispose();
            _process = null;
        }
    }

    private IEnumerable<(string Key, string Value)> Arguments()
    {
        yield return ("Chain:RpcUrl", Settings.RpcUrl.ToString());
        yield return ("Chain:DeploymentFile", Settings.DeploymentFile);
        yield return ("Chain:Confirmations", Settings.Confirmations.ToString(CultureInfo.InvariantCulture));
        yield return ("Chain:PollInterval", "00:00:00.200");
        yield return ("Keys:DevPrivateKey", Settings.DevPrivateKey);
        yield return ("Storage:DatabasePath", DatabasePath);
        yield return ("ModelStore:StoreDirectory", Path.Combine(Settings.DataDirectory, "models"));
        yield return ("Http:Port", HttpPort.ToString(CultureInfo.InvariantCulture));
        yield return ("Transactions:ReceiptPollInterval", "00:00:00.200");
        yield return ("Transactions:StuckAfter", "00:00:10");
        yield return ("Resilience:RpcBaseDelay", "00:00:00.100");
        yield return ("Resilience:RpcAttemptTimeout", "00:00:05");
        yield return ("Resilience:LoopBackoff", "00:00:00.300");
        foreach ((string key, string value) in Settings.Extra)
        {
            yield return (key, value);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
