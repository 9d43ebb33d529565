using NUnit.Framework;
using Microsoft.Extensions.Time.Testing;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Testing;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

/// <summary>The HTTP transport and the retry pipeline against a real loopback server that misbehaves on cue.</summary>
[TestFixture]
public sealed class HttpRpcTransportTests
{
    private const string ChainIdAnswer = """{"jsonrpc":"2.0","id":ID,"result":"0x7a69"}""";
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(500);

    private static JsonRpcClientOptions Options(int retries = 3) => new()
    {
        Resilience = new RpcResilienceOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromSeconds(10),
        },
    };

    private static string AnswerFor(string request) =>
        ChainIdAnswer.Replace("ID", System.Text.Json.JsonDocument.Parse(request).RootElement.GetProperty("id").GetRawText(), StringComparison.Ordinal);

    [Test]
    public async Task Read_ServerReturns503ThenAnswers_Retried()
    {
        await using var server = new LoopbackHttpServer((i, body) => i == 0
            ? new ServerAction.Respond(503, "<html>Service Unavailable</html>", "text/html")
            : new ServerAction.Respond(200, AnswerFor(body)));
        var time = new FakeTimeProvider();
        using var client = new JsonRpcClient(server.Url, Options(), time);

        ulong chainId = await FakeClock.RunAsync(time, client.GetChainIdAsync(), Step);

        Assert.That(chainId, Is.EqualTo(31337UL));
        Assert.That(server.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Read_ServerDropsConnectionThenAnswers_Retried()
    {
        await using var server = new LoopbackHttpServer((i, body) => i < 2
            ? new ServerAction.Drop()
            : new ServerAction.Respond(200, AnswerFor(body)));
        var time = new FakeTimeProvider();
        using var client = new JsonRpcClient(server.Url, Options(), time);

        ulong chainId = await FakeClock.RunAsync(time, client.GetChainIdAsync(), Step);

        Assert.That(chainId, Is.EqualTo(31337UL));
        Assert.That(server.RequestCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Read_ServerSilentPastAttemptTimeout_TimesOutAndRetries()
    {
        await using var server = new LoopbackHttpServer((i, body) => i == 0
            ? new ServerAction.Hang()
            : new ServerAction.Respond(200, AnswerFor(body)));
        var time = new FakeTimeProvider();
        using var client = new JsonRpcClient(server.Url, Options(), time);

        ulong chainId = await FakeClock.RunAsync(time, client.GetChainIdAsync(), Step);

        Assert.That(chainId, Is.EqualTo(31337UL));
        Assert.That(server.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Read_ServerAlwaysSilent_ThrowsTimeoutTransportException()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ServerAction.Hang());
        var time = new FakeTimeProvider();
        using var client = new JsonRpcClient(server.Url, Options(retries: 1), time);

        var e = Assert.ThrowsAsync<RpcTransportException>(() => FakeClock.RunAsync(time, client.GetChainIdAsync(), Step));

        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.Timeout));
        Assert.That(e.Message, Does.Contain(server.Url.ToString()).And.Contain("eth_chainId"));
        Assert.That(server.RequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task SendRawTransaction_ServerDropsConnection_SentOnceAndReportedUncertain()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ServerAction.Drop());
        var time = new FakeTimeProvider();
        using var client = new JsonRpcClient(server.Url, Options(), time);

        var e = Assert.ThrowsAsync<TransactionSubmissionUncertainException>(
            () => FakeClock.RunAsync(time, client.SendRawTransactionAsync(new byte[] { 0x02, 0xc0 }), Step));

        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.ConnectionFailed));
        Assert.That(server.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task SendRawTransaction_Server500_SentOnceAndReportedUncertain()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ServerAction.Respond(500, "internal error", "text/plain"));
        using var client = new JsonRpcClient(server.Url, Options());

        var e = Assert.ThrowsAsync<TransactionSubmissionUncertainException>(() => client.SendRawTransactionAsync(new byte[] { 0x02, 0xc0 }));

        Assert.That(e!.HttpStatus, Is.EqualTo(500));
        Assert.That(server.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public void Read_NothingListening_ThrowsConnectionRefusedNamingTheUrl()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var client = new JsonRpcClient(url, Options(retries: 0));

        var e = Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());

        Assert.That(e!.Failure, Is.EqualTo(RpcTransportFailure.ConnectionRefused));
        Assert.That(e.Message, Does.Contain(url.ToString()).And.Contain("running"));
    }

    [Test]
    public async Task Read_Cancelled_ThrowsOperationCanceledWithoutRetrying()
    {
        await using var server = new LoopbackHttpServer((_, _) => new ServerAction.Hang());
        using var client = new JsonRpcClient(server.Url, Options());
        using var cts = new CancellationTokenSource();

        Task<ulong> call = client.GetChainIdAsync(cts.Token);
        Assert.That(await server.NextRequestAsync(TimeSpan.FromSeconds(30)), Is.Not.Null);
        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(server.RequestCount, Is.EqualTo(1));
    }
}
