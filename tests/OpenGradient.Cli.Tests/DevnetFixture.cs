using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using OpenGradient.Testing;

namespace OpenGradient.Cli.Tests;

/// <summary>
/// One real devnet for every test in this namespace: <c>og devnet --json</c> on a free port with four oracle nodes, node 4
/// lying. Its one JSON document (printed once the demo is finalized) is kept; SIGTERM stops it at the end.
/// </summary>
[SetUpFixture]
public sealed class DevnetFixture
{
    public const int Liar = 4;

    private static Process? _devnet;
    private static readonly StringBuilder Errors = new();

    public static JsonElement Summary { get; private set; }

    public static string Directory { get; private set; } = string.Empty;

    public static string DeploymentFile => Path.Combine(Directory, "deployment.json");

    public static string Rpc => Summary.GetProperty("rpcUrl").GetString()!;

    public static string RequesterKey => Summary.GetProperty("requesterKey").GetString()!;

    public static int ExitCode { get; private set; } = -1;

    /// <summary>The arguments that point an og command at this devnet.</summary>
    public static string[] Chain => ["--rpc", Rpc, "--deployment", DeploymentFile];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Directory = Path.Combine(Path.GetTempPath(), "og-cli-" + Guid.NewGuid().ToString("N")[..10]);
        int port = FreePort.Next();
        _devnet = Og.Start(["devnet", "--json", "--port", port.ToString(CultureInfo.InvariantCulture), "--nodes", "4", "--liar", Liar.ToString(CultureInfo.InvariantCulture), "--dir", Directory, "--deployment-out", Path.Combine(Directory, "deployment.json")]);
        _devnet.ErrorDataReceived += (_, e) =>
        {
            lock (Errors)
            {
                Errors.AppendLine(e.Data);
            }
        };
        _devnet.BeginErrorReadLine();

        var json = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        while (true)
        {
            string? line = await _devnet.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                Assert.Fail($"og devnet exited before printing its summary:{Environment.NewLine}{ErrorText()}");
            }

            json.AppendLine(line);
            if (line == "}")
            {
                break;
            }
        }

        using JsonDocument document = JsonDocument.Parse(json.ToString());
        Summary = document.RootElement.Clone();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_devnet is null)
        {
            return;
        }

        if (!_devnet.HasExited)
        {
            using (Process kill = Process.Start("kill", ["-INT", _devnet.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _devnet.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                ProcessRunner.KillTree(_devnet);
            }
        }

        ExitCode = _devnet.ExitCode;
        _devnet.Dispose();

        // Ctrl-C (SIGINT) is the documented way to stop a devnet: it exits 0 after stopping every child, so the
        // Hardhat node no longer answers.
        string rpc = Rpc;
        Assert.That(ExitCode, Is.Zero, $"og devnet did not stop cleanly on SIGINT:{Environment.NewLine}{ErrorText()}");
        Assert.That(ErrorText(), Does.Contain("stopping the oracle nodes and the Hardhat node"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        Assert.That(async () => await http.GetAsync(new Uri(rpc)), Throws.InstanceOf<HttpRequestException>(), "the Hardhat node still answers after og devnet stopped");
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child; the temp folder is harmless.
        }
    }

    public static string ErrorText()
    {
        lock (Errors)
        {
            return Errors.ToString();
        }
    }
}
