using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NUnit.Framework;
using OpenGradient.Testing;

namespace OpenGradient.Cli.Tests;

/// <summary>The errors a new user hits: each is one line on stderr, a JSON error document with --json, and its exit code.</summary>
[TestFixture]
public sealed class ErrorPathTests
{
    // A valid key that holds no OPG on the devnet.
    private const string PoorKey = "0x00000000000000000000000000000000000000000000000000000000000000aa";

    private string _keys = string.Empty;

    [OneTimeSetUp]
    public void CreateKeysFolder()
    {
        _keys = Path.Combine(Path.GetTempPath(), "og-keys-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [OneTimeTearDown]
    public void DeleteKeysFolder()
    {
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Test]
    public async Task Devnet_PortTaken_SaysStopTheOtherNodeOrPassPort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        ProcessResult result = await Og.RunAsync(["devnet", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", Path.Combine(_keys, "devnet")]);

        AssertOneLineError(result, 1, "pass --port");
    }

    [Test]
    public async Task ModelList_WrongRpcUrl_SaysTheNodeCannotBeReached()
    {
        int unused = FreePort.Next();

        ProcessResult result = await Og.RunAsync(["model", "list", "--json", "--rpc", $"http://127.0.0.1:{unused}", "--deployment", DevnetFixture.DeploymentFile]);

        AssertOneLineError(result, 3, "cannot be reached");
        Assert.That(Og.Json(result).GetProperty("exitCode").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task NodeStatus_WrongKeystorePassword_SaysWrongPassword()
    {
        ProcessResult created = await Og.RunAsync(["keys", "new", "--light", "--json", "--dir", _keys], new Dictionary<string, string?> { ["OG_PASSWORD"] = "right horse" });
        Assert.That(created.ExitCode, Is.Zero, created.CombinedOutput);
        string file = Og.Json(created).GetProperty("file").GetString()!;

        ProcessResult result = await Og.RunAsync(["node", "status", "--keystore", file, .. DevnetFixture.Chain], new Dictionary<string, string?> { ["OG_PASSWORD"] = "wrong horse" });

        AssertOneLineError(result, 1, "Wrong password");
    }

    [Test]
    public async Task KeysList_AfterNewAndImport_ListsBothAddresses()
    {
        string dir = Path.Combine(_keys, "list");
        var env = new Dictionary<string, string?> { ["OG_PASSWORD"] = "pw" };
        ProcessResult imported = await Og.RunAsync(["keys", "import", PoorKey, "--light", "--json", "--dir", dir], env);
        ProcessResult created = await Og.RunAsync(["keys", "new", "--light", "--json", "--dir", dir], env);

        ProcessResult list = await Og.RunAsync(["keys", "list", "--json", "--dir", dir]);

        Assert.That(list.ExitCode, Is.Zero, list.CombinedOutput);
        var addresses = Og.Json(list).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("address").GetString()!.ToLowerInvariant()).ToList();
        Assert.That(addresses, Is.EquivalentTo(new[]
        {
            Og.Json(imported).GetProperty("address").GetString()!.ToLowerInvariant(),
            Og.Json(created).GetProperty("address").GetString()!.ToLowerInvariant(),
        }));
    }

    [TestCase("0x00000000000000000000000000000000000000000000000000000000000000ff", "not registered")]
    [TestCase("no-such-model", "Unknown model")]
    public async Task Infer_UnknownModel_SaysHowToNameAModel(string model, string expected)
    {
        ProcessResult result = await Og.RunAsync(["infer", .. DevnetFixture.Chain, "--key", DevnetFixture.RequesterKey, "--model", model, "--input", "{\"features\": [[1, 2, 3, 4]]}"]);

        AssertOneLineError(result, 1, expected);
    }

    [Test]
    public async Task Infer_AccountWithoutOpg_SaysInsufficientOpg()
    {
        ProcessResult result = await Og.RunAsync(["infer", .. DevnetFixture.Chain, "--key", PoorKey, "--model", "linear-regressor", "--input", "{\"features\": [[1, 2, 3, 4]]}"]);

        AssertOneLineError(result, 1, "Insufficient OPG");
    }

    [Test]
    public async Task Infer_NoApproveWithoutAllowance_SaysInsufficientAllowance()
    {
        // The devnet's deployer (dev account 0) holds the OPG supply but never approved the hub (oracle nodes do, for bonds).
        string nodeKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

        ProcessResult result = await Og.RunAsync(["infer", .. DevnetFixture.Chain, "--key", nodeKey, "--no-approve", "--model", "linear-regressor", "--input", "{\"features\": [[1, 2, 3, 4]]}"]);

        AssertOneLineError(result, 1, "Insufficient allowance");
    }

    private static void AssertOneLineError(ProcessResult result, int exitCode, string expected)
    {
        string[] lines = Og.ErrorLines(result);
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.CombinedOutput);
        Assert.That(lines, Has.Length.EqualTo(1), result.CombinedOutput);
        Assert.That(lines[0], Does.StartWith("og: error: ").And.Contain(expected));
    }
}
