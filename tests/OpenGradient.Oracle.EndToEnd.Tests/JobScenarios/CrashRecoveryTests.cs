using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NUnit.Framework;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

namespace OpenGradient.Oracle.EndToEnd.Tests.JobScenarios;

/// <summary>
/// Scenario 3: oracle processes SIGKILLed while executing and while their submission waits in the mempool, then
/// restarted on the same data. Every job ends exactly once: finalized, one outcome event, one submitResult
/// transaction from its executor.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(OracleNetwork.ChallengeWindowSeconds + 120);
    private OracleNetwork _network = null!;

    [OneTimeSetUp]
    public async Task StartNetworkAsync() => _network = await OracleNetwork.StartAsync(nodes: 3);

    [OneTimeTearDown]
    public async Task StopNetworkAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public async Task EveryNodeKilledRightAfterRequests_RestartedNodesFinishEveryJobExactlyOnce()
    {
        var jobs = new List<BigInteger>();
        var firstBlock = await BlockNumberAsync();
        for (var i = 0; i < 4; i++)
        {
            jobs.Add((await _network.RequestAsync(Input(i))).JobId);
        }

        foreach (var oracle in _network.Oracles)
        {
            await oracle.KillAsync();
        }

        foreach (var oracle in _network.Oracles)
        {
            oracle.Start();
        }

        foreach (var jobId in jobs)
        {
            Assert.That(await _network.WaitForStatusAsync(jobId, SettleTimeout, JobStatus.Finalized, JobStatus.Refunded, JobStatus.Expired, JobStatus.Rejected), Is.EqualTo(JobStatus.Finalized));
        }

        await AssertExactlyOnceAsync(jobs, firstBlock);
    }

    [Test]
    public async Task ExecutorKilledWhileItsSubmissionWaitsInTheMempool_RestartReconcilesInsteadOfResending()
    {
        var firstBlock = await BlockNumberAsync();
        var (jobId, executor) = await _network.RequestAsync(Input(42));
        var oracle = _network.Oracles[IndexOf(executor)];

        // Hold every new transaction in the mempool, confirm the request, and wait for the executor's submission.
        await _network.Node.RpcAsync("evm_setIntervalMining", [0]);
        await _network.Node.SetAutomineAsync(false);
        try
        {
            await _network.Node.MineAsync(3);
            await Eventually.WaitAsync(
                async () => await PendingCountAsync(executor) > 0,
                TimeSpan.FromSeconds(90),
                () => $"{oracle.Settings.Name} never broadcast its result. Output:{Environment.NewLine}{oracle.Output}");
            await oracle.KillAsync();
        }
        finally
        {
            await _network.Node.SetAutomineAsync(true);
            await _network.Node.MineAsync(3);
            await _network.Node.RpcAsync("evm_setIntervalMining", [1000]);
        }

        oracle.Start();
        await oracle.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Assert.That(await _network.WaitForStatusAsync(jobId, SettleTimeout, JobStatus.Finalized, JobStatus.Refunded, JobStatus.Expired, JobStatus.Rejected), Is.EqualTo(JobStatus.Finalized));
        await AssertExactlyOnceAsync([jobId], firstBlock);
    }

    private static byte[] Input(int seed) =>
        TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [seed, 0.5f, -1f, 2f])).Encode();

    private static int IndexOf(Address executor)
    {
        for (var i = 0; ; i++)
        {
            if (OracleNetwork.NodeAddress(i) == executor)
            {
                return i;
            }
        }
    }

    private async Task<ulong> BlockNumberAsync() =>
        ulong.Parse((await _network.Node.RpcAsync("eth_blockNumber")).GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private async Task<int> PendingCountAsync(Address sender)
    {
        var pending = await _network.Node.RpcAsync("eth_getTransactionCount", [sender.ToString(), "pending"]);
        var latest = await _network.Node.RpcAsync("eth_getTransactionCount", [sender.ToString(), "latest"]);
        return (int)(Convert.ToUInt64(pending.GetString(), 16) - Convert.ToUInt64(latest.GetString(), 16));
    }

    /// <summary>One outcome event per job, and exactly one submitResult/reportFailure transaction per job on chain.</summary>
    private async Task AssertExactlyOnceAsync(IReadOnlyList<BigInteger> jobs, ulong fromBlock)
    {
        var hub = _network.HubReader;
        var to = await BlockNumberAsync();
        var results = await hub.GetResultSubmittedEventsAsync(Ethereum.JsonRpc.BlockParameter.Number(fromBlock), Ethereum.JsonRpc.BlockParameter.Number(to));
        var failures = await hub.GetFailureReportedEventsAsync(Ethereum.JsonRpc.BlockParameter.Number(fromBlock), Ethereum.JsonRpc.BlockParameter.Number(to));
        var submitSelector = InferenceHubService.Abi.GetFunction("submitResult(uint256,bytes)").SelectorHex;
        var failSelector = InferenceHubService.Abi.GetFunction("reportFailure(uint256,uint8)").SelectorHex;
        var sends = new Dictionary<BigInteger, int>();
        for (var block = fromBlock; block <= to; block++)
        {
            var json = await _network.Node.RpcAsync("eth_getBlockByNumber", ["0x" + block.ToString("x", CultureInfo.InvariantCulture), true]);
            foreach (var tx in json.GetProperty("transactions").EnumerateArray())
            {
                var input = tx.GetProperty("input").GetString() ?? string.Empty;
                if (input.StartsWith(submitSelector, StringComparison.OrdinalIgnoreCase) || input.StartsWith(failSelector, StringComparison.OrdinalIgnoreCase))
                {
                    var jobId = new BigInteger(Hex.Decode(input.AsSpan(10, 64)), isUnsigned: true, isBigEndian: true);
                    sends[jobId] = sends.GetValueOrDefault(jobId) + 1;
                }
            }
        }

        foreach (var jobId in jobs)
        {
            var outcomes = results.Count(e => e.JobId == jobId) + failures.Count(e => e.JobId == jobId);
            Assert.That(outcomes, Is.EqualTo(1), $"job {jobId}: one outcome event");
            Assert.That(sends.GetValueOrDefault(jobId), Is.EqualTo(1), $"job {jobId}: one submission transaction on chain (none resent)");
        }
    }
}
