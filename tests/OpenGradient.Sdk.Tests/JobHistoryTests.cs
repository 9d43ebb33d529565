using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference.Tensors;
using OpenGradient.Sdk.Tests.Support;

namespace OpenGradient.Sdk.Tests;

/// <summary>
/// <see cref="InferenceClient.GetJobHistoryAsync"/> for a requester with more jobs than one outcome query may list (a
/// node caps the values of one topic position): the outcomes are found by one scan per 100 jobs, and every job still
/// gets its own outcome.
/// </summary>
[TestFixture]
public sealed class JobHistoryTests
{
    /// <summary>The SDK's group size, written here apart from it so the test notices a change.</summary>
    private const int JobsPerOutcomeScan = 100;

    /// <summary>Three groups: two full ones and a partial last one.</summary>
    private const int Jobs = (2 * JobsPerOutcomeScan) + 5;

    /// <summary>The first and last job of every group, and some between.</summary>
    private static readonly int[] ResultAt = [0, 1, 50, 99, 100, 149, 199, 200, 204];

    /// <summary>One failure per group, each with its own reason so a record cannot show another job's.</summary>
    private static readonly Dictionary<int, FailureReason> FailureAt = new()
    {
        [98] = FailureReason.BadInput,
        [101] = FailureReason.ModelUnavailable,
        [202] = FailureReason.NonFiniteOutput,
    };

    [Test]
    public async Task GetJobHistory_MoreJobsThanOneOutcomeScanMayList_ListsEveryJobOnceOldestFirstWithItsOwnOutcomeFromOneScanPerHundredJobs()
    {
        EthKey requester = Devnet.Key(13);
        await FundAsync(requester, 2 * Jobs * Devnet.Opg);
        using InferenceClient client = await Devnet.ConnectAsync(requester);
        using var node = new TestOracleNode(client.Deployment.Hub);
        var jobs = new List<SubmittedJob>(Jobs);
        var posted = new Dictionary<int, TensorList>();
        for (int i = 0; i < Jobs; i++)
        {
            // The node answers at once: the hub refuses an outcome after the result deadline, two minutes after the request.
            SubmittedJob job = await client.RequestInferenceAsync(Devnet.Models["linear-regressor"].Id, Input(i), new RequestSettings { UsePermit = true });
            jobs.Add(job);
            if (ResultAt.Contains(i))
            {
                posted[i] = await node.SubmitAsync(job.JobId);
            }
            else if (FailureAt.TryGetValue(i, out FailureReason reason))
            {
                await node.ReportFailureAsync(job.JobId, reason);
            }
        }

        Assert.That(posted.Values.Distinct().Count(), Is.EqualTo(ResultAt.Length), "setup: every posted output differs, so a record showing another job's result is caught");
        // No range limit: the proxy only records what the history asks for.
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, ulong.MaxValue);
        using InferenceClient reader = await Devnet.ConnectAsync(null, configure: o =>
        {
            o.RpcUrl = proxy.Url;
            o.LogPageBlocks = 1_000_000; // one eth_getLogs per scan
        });

        IReadOnlyList<JobRecord> history = await reader.GetJobHistoryAsync(requester.Address);

        int[] all = [.. Enumerable.Range(0, Jobs)];
        List<JobRecord> answered = [.. history.Where(j => j.Outcome is not null)];
        Assert.That(history.Select(j => j.Request).ToList(), Is.EqualTo(jobs), "every job once, oldest first");
        Assert.That(history.Select(j => j.Input).ToList(), Is.EqualTo(all.Select(Input).ToList()));
        Assert.That(history.Select(j => j.Outcome?.Kind).ToList(), Is.EqualTo(all.Select(ExpectedKind).ToList()), "results and failures where posted, no outcome elsewhere");
        Assert.That(history.Select(j => j.Status).ToList(), Is.EqualTo(all.Select(ExpectedStatus).ToList()));
        Assert.That(answered.Select(j => j.Outcome!.JobId).ToList(), Is.EqualTo(answered.Select(j => j.JobId).ToList()), "each outcome is its own job's");
        Assert.That(answered.Select(j => j.Outcome!.BlockNumber).ToList(), Is.EqualTo(answered.Select(j => j.Request.BlockNumber + 1).ToList()), "the node posted each outcome in the block after its request");
        Assert.That(history.Select(j => j.Outcome?.Output).ToList(), Is.EqualTo(all.Select(i => posted.GetValueOrDefault(i)).ToList()), "each result is its own job's output");
        Assert.That(history.Select(j => j.Outcome?.FailureReason).ToList(), Is.EqualTo(all.Select(ExpectedReason).ToList()), "each failure has its own job's reason");

        List<LogQuery> outcomeScans = [.. proxy.Queries.Where(IsOutcomeQuery)];
        List<BigInteger> ids = [.. jobs.Select(j => j.JobId)];
        Assert.That(
            outcomeScans.Select(q => q.Topics[1]!.Select(JobIdOf).ToList()).ToList(),
            Is.EqualTo(new[] { ids[..100], ids[100..200], ids[200..] }),
            "one outcome scan per 100 jobs, in order, the last one partial");
        Assert.That(
            outcomeScans.Select(q => q.From).ToList(),
            Is.EqualTo(new[] { jobs[0].BlockNumber, jobs[100].BlockNumber, jobs[200].BlockNumber }),
            "each scan reads from its group's first request");
    }

    /// <summary>A distinct input per job, so each job's output differs.</summary>
    private static TensorList Input(int job) =>
        TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [job, 0.5f, -1.25f, 2f]));

    private static JobOutcomeKind? ExpectedKind(int job) =>
        ResultAt.Contains(job) ? JobOutcomeKind.Result : FailureAt.ContainsKey(job) ? JobOutcomeKind.Failure : null;

    private static JobStatus ExpectedStatus(int job) =>
        ResultAt.Contains(job) ? JobStatus.Submitted : FailureAt.ContainsKey(job) ? JobStatus.FailureReported : JobStatus.Assigned;

    private static FailureReason? ExpectedReason(int job) =>
        FailureAt.TryGetValue(job, out FailureReason reason) ? reason : ResultAt.Contains(job) ? FailureReason.None : null;

    private static bool IsOutcomeQuery(LogQuery query) =>
        query.Topics.Count == 2 && query.Topics[0] is { } events && events.Contains(ResultSubmittedEvent.Topic0, StringComparer.OrdinalIgnoreCase);

    private static BigInteger JobIdOf(string topic) => new(Hex.Decode(topic), isUnsigned: true, isBigEndian: true);

    private static async Task FundAsync(EthKey requester, BigInteger amount)
    {
        using InferenceClient owner = await Devnet.ConnectAsync(Devnet.Owner);
        await owner.Token.TransferAsync(requester.Address, amount);
    }
}
