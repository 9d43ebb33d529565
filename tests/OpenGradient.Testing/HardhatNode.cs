using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenGradient.Testing;

/// <summary>
/// A Hardhat node (<c>hardhat node</c>) on 127.0.0.1 and a free port, owned by one test fixture: start it in
/// <c>[OneTimeSetUp]</c> and dispose it in <c>[OneTimeTearDown]</c>. Disposing kills the process tree.
/// Chain id 31337, automine on, the 20 <see cref="HardhatDevAccounts"/> funded.
/// </summary>
public sealed class HardhatNode : IAsyncDisposable, IDisposable
{
    /// <summary>The chain id of a Hardhat node.</summary>
    public const long ChainId = 31337;

    private const int MaxPortAttempts = 3;

    // Nodes still running when the test process exits (a crash, a missed teardown) are killed then, not orphaned.
    private static readonly HashSet<HardhatNode> Running = [];
    private static int _exitHookInstalled;
    private readonly Process _process;
    private const int MaxOutputLines = 400;
    private readonly Queue<string> _output;
    private readonly HttpClient _http;
    private int _nextId;
    private int _disposed;

    private HardhatNode(Process process, Queue<string> output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
        RpcUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();
        }

        lock (Running)
        {
            Running.Add(this);
        }
    }

    /// <summary>The JSON-RPC endpoint, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri RpcUrl { get; }

    /// <summary>The TCP port the node listens on (never 8545).</summary>
    public int Port { get; }

    /// <summary>The 20 funded development accounts.</summary>
    public static IReadOnlyList<DevAccount> Accounts => HardhatDevAccounts.All;

    /// <summary>The last lines the node printed (it logs every request, so only the tail is kept), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>
    /// Starts a node and waits (bounded by <paramref name="startupTimeout"/>, default 60 s) until it answers
    /// <c>eth_chainId</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">npm packages are missing, or the node exited or did not answer in time.</exception>
    public static async Task<HardhatNode> StartAsync(TimeSpan? startupTimeout = null, CancellationToken cancellationToken = default)
    {
        RepoPaths.EnsureNodeModules();
        TimeSpan timeout = startupTimeout ?? TimeSpan.FromSeconds(60);
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort.Next();
            var output = new Queue<string>();
            Process process = ProcessRunner.Create(
                RepoPaths.NodeBinary,
                [RepoPaths.HardhatCli, "node", "--hostname", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
                RepoPaths.Root,
                NodeEnvironment());
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var node = new HardhatNode(process, output, port);
            try
            {
                await node.WaitUntilReadyAsync(timeout, cancellationToken).ConfigureAwait(false);
                return node;
            }
            catch (InvalidOperationException) when (attempt < MaxPortAttempts && node.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Someone took the port between FreePort and the bind: try another.
                await node.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await node.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>The environment for Hardhat child processes: Node 22 from node_modules first on PATH, no prompts.</summary>
    public static IReadOnlyDictionary<string, string?> NodeEnvironment()
    {
        string bin = Path.Combine(RepoPaths.NodeModules, ".bin");
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = bin + Path.PathSeparator + path,
            ["HARDHAT_DISABLE_TELEMETRY_PROMPT"] = "true",
            ["NO_COLOR"] = "1",
        };
    }

    /// <summary>Sends a raw JSON-RPC request and returns its <c>result</c>.</summary>
    /// <exception cref="InvalidOperationException">The node answered with a JSON-RPC error.</exception>
    public async Task<JsonElement> RpcAsync(string method, object?[]? parameters = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters ?? [], TestingJsonContext.Default.ObjectArray),
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.PostAsync(RpcUrl, content, cancellationToken).ConfigureAwait(false);
        using JsonDocument document = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (document.RootElement.TryGetProperty("error", out JsonElement error))
        {
            throw new InvalidOperationException($"Hardhat node rejected {method}: {error.GetRawText()}");
        }

        return document.RootElement.GetProperty("result").Clone();
    }

    /// <summary>Takes an <c>evm_snapshot</c>; pass the id to <see cref="RevertAsync"/> to roll the chain back.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await RpcAsync("evm_snapshot", null, cancellationToken).ConfigureAwait(false)).GetString()!;

    /// <summary>Reverts to a snapshot (which is consumed: take a new one to revert again).</summary>
    /// <exception cref="InvalidOperationException">The node did not know the snapshot.</exception>
    public async Task RevertAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        JsonElement reverted = await RpcAsync("evm_revert", [snapshotId], cancellationToken).ConfigureAwait(false);
        if (reverted.ValueKind != JsonValueKind.True)
        {
            throw new InvalidOperationException($"evm_revert to snapshot {snapshotId} failed; a snapshot can be reverted to only once.");
        }
    }

    /// <summary>Mines <paramref name="blocks"/> blocks (<c>hardhat_mine</c>).</summary>
    public Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default) =>
        blocks == 1
            ? RpcAsync("evm_mine", null, cancellationToken)
            : RpcAsync("hardhat_mine", ["0x" + blocks.ToString("x", CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>Moves the clock of the next block forward by <paramref name="by"/> (whole seconds; <c>evm_increaseTime</c>).</summary>
    public Task IncreaseTimeAsync(TimeSpan by, CancellationToken cancellationToken = default) =>
        RpcAsync("evm_increaseTime", [(long)by.TotalSeconds], cancellationToken);

    /// <summary>Turns automine on or off (<c>evm_setAutomine</c>); with it off, transactions wait in the mempool until <see cref="MineAsync"/>.</summary>
    public Task SetAutomineAsync(bool enabled, CancellationToken cancellationToken = default) =>
        RpcAsync("evm_setAutomine", [enabled], cancellationToken);

    /// <summary>Sets an account's balance in wei (<c>hardhat_setBalance</c>).</summary>
    public Task SetBalanceAsync(string address, System.Numerics.BigInteger weiAmount, CancellationToken cancellationToken = default) =>
        RpcAsync("hardhat_setBalance", [address, "0x" + weiAmount.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0')], cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (Running)
        {
            Running.Remove(this);
        }

        ProcessRunner.KillTree(_process);
        _process.WaitForExit(10_000);
        _process.Dispose();
        _http.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void KillAllRunning()
    {
        HardhatNode[] running;
        lock (Running)
        {
            running = [.. Running];
        }

        foreach (HardhatNode node in running)
        {
            node.Dispose();
        }
    }

    private static void Append(Queue<string> sink, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sink)
        {
            sink.Enqueue(line);
            if (sink.Count > MaxOutputLines)
            {
                sink.Dequeue();
            }
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The Hardhat node exited with code {_process.ExitCode} before answering on {RpcUrl}. " +
                    $"Run `npx hardhat node --hostname 127.0.0.1 --port {Port}` by hand to see why.{Environment.NewLine}{Output}");
            }

            try
            {
                using var content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", Encoding.UTF8, "application/json");
                using HttpResponseMessage response = await probe.PostAsync(RpcUrl, content, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    JsonElement body = await response.Content.ReadFromJsonAsync(TestingJsonContext.Default.JsonElement, deadline.Token).ConfigureAwait(false);
                    if (body.TryGetProperty("result", out JsonElement result) && result.GetString() == "0x7a69")
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"The Hardhat node did not answer eth_chainId on {RpcUrl} within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Output}");
            }

            // Poll the condition; the node usually answers within a few seconds of starting.
            try
            {
                await Task.Delay(100, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"The Hardhat node did not answer eth_chainId on {RpcUrl} within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Output}");
            }
        }
    }
}
