using OpenGradient.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference.Tensors;
using OpenGradient.Sdk.Tests.Support;

namespace OpenGradient.Sdk.Tests;

/// <summary>
/// The job queries (history, lookup, waiting) read the hub's events in pages a range-limited node accepts, find events
/// on page edges, and a wait that polls reads each block once more at most instead of the whole history on every poll.
/// </summary>
[TestFixture]
public sealed class JobPagingTests
{
    private const ulong PageBlocks = 5;

    private static readonly TimeSpan ProxyWait = TimeSpan.FromSeconds(60);

    private static TensorList LinearInput() =>
        TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [0.5f, -1.25f, 2f, 0.125f]));

    [Test]
    public async Task GetJobHistory_JobsAndOutcomesOnPageEdgesOfARangeLimitedNode_ListsThemAllInRangesTheNodeAccepts()
    {
        EthKey requester = Devnet.Key(6);
        await FundAsync(requester);
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient client = await ConnectThroughAsync(proxy, requester, PageBlocks);
        using var node = new TestOracleNode(client.Deployment.Hub);
        ulong start = client.Deployment.DeployBlock;

        // The request scan's pages start at the deploy block, the outcome scan's at the first job's block.
        ulong lastOfPage = await DevnetBlocks.MineUntilNextBlockIsAsync(b => (b - start) % PageBlocks == PageBlocks - 1);
        SubmittedJob onLastBlockOfAPage = await RequestAsync(client);
        SubmittedJob onFirstBlockOfTheNext = await RequestAsync(client);
        await Devnet.Node.MineAsync((int)(3 * PageBlocks) + 2);
        SubmittedJob pagesLater = await RequestAsync(client);
        ulong firstJob = onLastBlockOfAPage.BlockNumber;
        ulong firstResultBlock = await DevnetBlocks.MineUntilNextBlockIsAsync(b => b > pagesLater.BlockNumber && (b - firstJob) % PageBlocks == 0);
        await node.SubmitAsync(onLastBlockOfAPage.JobId);
        ulong secondResultBlock = await DevnetBlocks.MineUntilNextBlockIsAsync(b => (b - firstJob) % PageBlocks == PageBlocks - 1);
        await node.SubmitAsync(onFirstBlockOfTheNext.JobId);
        await Devnet.Node.MineAsync(2);
        ulong head = await DevnetBlocks.HeadAsync();
        Assert.That(firstJob, Is.EqualTo(lastOfPage), "setup: the first request is on the last block of a page");
        Assert.That((onFirstBlockOfTheNext.BlockNumber - start) % PageBlocks, Is.Zero, "setup: the second request is on the first block of the next page");
        proxy.ClearRanges();

        IReadOnlyList<JobRecord> history = await client.GetJobHistoryAsync();

        Assert.That(history.Select(j => j.JobId), Is.EqualTo(new[] { onLastBlockOfAPage.JobId, onFirstBlockOfTheNext.JobId, pagesLater.JobId }));
        Assert.That(history.Select(j => j.Request), Is.EqualTo(new[] { onLastBlockOfAPage, onFirstBlockOfTheNext, pagesLater }));
        Assert.That(history.Select(j => j.Status), Is.EqualTo(new[] { JobStatus.Submitted, JobStatus.Submitted, JobStatus.Assigned }));
        Assert.That(history.Select(j => j.Outcome?.BlockNumber), Is.EqualTo(new ulong?[] { firstResultBlock, secondResultBlock, null }), "each result is found on its page edge");
        Assert.That(history.Select(j => j.Outcome?.Kind), Is.EqualTo(new JobOutcomeKind?[] { JobOutcomeKind.Result, JobOutcomeKind.Result, null }));
        Assert.That(history[0].Input, Is.EqualTo(LinearInput()));
        Assert.That(
            proxy.Ranges,
            Is.EqualTo(DevnetBlocks.Pages(start, head, PageBlocks).Concat(DevnetBlocks.Pages(firstJob, head, PageBlocks))),
            "one scan of the requests from the deploy block and one of all the jobs' outcomes from the first job, each in contiguous pages ending at the head");
    }

    [Test]
    public async Task WaitForResult_RequestAndResultOnPageEdgesOfARangeLimitedNode_FindsTheResultInRangesTheNodeAccepts()
    {
        EthKey requester = Devnet.Key(7);
        await FundAsync(requester);
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient client = await ConnectThroughAsync(proxy, requester, PageBlocks);
        using var node = new TestOracleNode(client.Deployment.Hub);
        ulong start = client.Deployment.DeployBlock;

        ulong lastOfPage = await DevnetBlocks.MineUntilNextBlockIsAsync(b => (b - start) % PageBlocks == PageBlocks - 1);
        SubmittedJob job = await RequestAsync(client);
        ulong resultBlock = await DevnetBlocks.MineUntilNextBlockIsAsync(b => b == job.BlockNumber + PageBlocks);
        TensorList posted = await node.SubmitAsync(job.JobId);
        await Devnet.Node.MineAsync(2);
        ulong head = await DevnetBlocks.HeadAsync();
        Assert.That(job.BlockNumber, Is.EqualTo(lastOfPage), "setup: the request is on the last block of a page");
        proxy.ClearRanges();

        JobOutcome outcome = await client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2));

        Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Result));
        Assert.That(outcome.BlockNumber, Is.EqualTo(resultBlock), "the result on the first block of the outcome scan's second page is found");
        Assert.That(outcome.Output, Is.EqualTo(posted));
        Assert.That(outcome.Status, Is.EqualTo(JobStatus.Submitted));
        Assert.That(
            proxy.Ranges,
            Is.EqualTo(DevnetBlocks.Pages(start, head, PageBlocks).Concat(DevnetBlocks.Pages(job.BlockNumber, head, PageBlocks))),
            "the request is found from the deploy block, the result from the request's block, each in contiguous pages ending at the head");
    }

    [Test]
    public async Task WaitForResult_PollingWhileBlocksAreMined_ReadsOnFromTheLastBlockReadLessTheReorgDepthInsteadOfFromTheRequest()
    {
        const ulong ReorgDepth = 2;
        EthKey requester = Devnet.Key(8);
        await FundAsync(requester);
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient client = await ConnectThroughAsync(proxy, requester, PageBlocks, ReorgDepth);
        using var node = new TestOracleNode(client.Deployment.Hub);
        ulong start = client.Deployment.DeployBlock;

        // On the last block of a page, the request lookup's pages never start at the request: a range from it is a poll.
        await DevnetBlocks.MineUntilNextBlockIsAsync(b => (b - start) % PageBlocks == PageBlocks - 1);
        SubmittedJob job = await RequestAsync(client);
        proxy.ClearRanges();

        Task<JobOutcome> wait = client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2));
        await UntilQueriedAsync(proxy, r => r.From == job.BlockNumber, wait);
        await Devnet.Node.MineAsync((int)(3 * PageBlocks) + 2);
        ulong mined = await DevnetBlocks.HeadAsync();
        await UntilQueriedAsync(proxy, r => r.To >= mined, wait);
        await node.SubmitAsync(job.JobId);
        ulong resultBlock = await DevnetBlocks.HeadAsync();
        JobOutcome outcome = await wait;

        Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Result));
        Assert.That(outcome.BlockNumber, Is.EqualTo(resultBlock));
        List<(ulong From, ulong To)> ranges = [.. proxy.Ranges];
        List<(ulong From, ulong To)> lookup = DevnetBlocks.Pages(start, job.BlockNumber, PageBlocks);
        Assert.That(ranges.Take(lookup.Count), Is.EqualTo(lookup), "the request is found from the deploy block");
        List<(ulong From, ulong To)> polls = ranges[lookup.Count..];
        Assert.That(polls[0].From, Is.EqualTo(job.BlockNumber), "the first poll starts at the request's block");
        Assert.That(polls.Select(r => r.To - r.From + 1), Has.All.LessThanOrEqualTo(PageBlocks));
        Assert.That(polls.Zip(polls.Skip(1)).Select(p => p.Second.From + ReorgDepth >= p.First.To), Has.All.True, $"no poll goes back further than the reorg depth: {string.Join(", ", polls)}");
        Assert.That(polls.Zip(polls.Skip(1)).Any(p => p.Second.From + ReorgDepth == p.First.To), Is.True, $"a later poll re-reads the reorg depth below the last block read: {string.Join(", ", polls)}");
        Assert.That(polls.Zip(polls.Skip(1)).Select(p => p.Second.From <= p.First.To + 1), Has.All.True, $"no block is skipped: {string.Join(", ", polls)}");
        Assert.That(polls.Where(r => r.To > mined).Select(r => r.From + ReorgDepth), Has.All.GreaterThanOrEqualTo(mined), "the poll that finds the result reads on from the mined blocks, not from the request");
        Assert.That(polls[^1].To, Is.GreaterThanOrEqualTo(resultBlock));
    }

    [Test]
    public async Task GetJobHistory_PagesWiderThanTheNodesLimit_FailsWithTheNodesRefusal()
    {
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient client = await ConnectThroughAsync(proxy, null, PageBlocks + 1);
        Assert.That(await DevnetBlocks.HeadAsync() - client.Deployment.DeployBlock, Is.GreaterThan(PageBlocks), "setup: the chain is longer than one page");

        var e = Assert.ThrowsAsync<JsonRpcException>(() => client.GetJobHistoryAsync(Devnet.Key(2).Address));

        Assert.That(e!.Message, Does.Contain(proxy.RefusalMessage));
    }

    [Test]
    public async Task WaitForResult_PagesWiderThanTheNodesLimit_FailsWithTheNodesRefusal()
    {
        EthKey requester = Devnet.Key(9);
        await FundAsync(requester);
        using InferenceClient direct = await Devnet.ConnectAsync(requester);
        SubmittedJob job = await RequestAsync(direct);
        await using RangeLimitedRpcProxy proxy = RangeLimitedRpcProxy.Start(Devnet.Node.RpcUrl, PageBlocks);
        using InferenceClient client = await ConnectThroughAsync(proxy, null, PageBlocks + 1);

        var e = Assert.ThrowsAsync<JsonRpcException>(() => client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2)));

        Assert.That(e!.Message, Does.Contain(proxy.RefusalMessage));
    }

    /// <summary>Until the proxy receives a range <paramref name="wanted"/>; at once with the wait's own error should it end first.</summary>
    private static async Task UntilQueriedAsync(RangeLimitedRpcProxy proxy, Func<(ulong From, ulong To), bool> wanted, Task<JobOutcome> wait)
    {
        Task asked = proxy.WaitForRangeAsync(wanted, ProxyWait);
        if (await Task.WhenAny(asked, wait) == wait)
        {
            JobOutcome early = await wait;
            Assert.Fail($"the wait ended ({early.Kind} in block {early.BlockNumber}) before the query the test waits for; ranges: {string.Join(", ", proxy.Ranges)}");
        }

        await asked;
    }

    private static Task<InferenceClient> ConnectThroughAsync(RangeLimitedRpcProxy proxy, EthKey? key, ulong pageBlocks, ulong reorgDepth = 0) =>
        Devnet.ConnectAsync(key, configure: o =>
        {
            o.RpcUrl = proxy.Url;
            o.LogPageBlocks = pageBlocks;
            o.ReorgDepthBlocks = reorgDepth;
        });

    /// <summary>A request in one transaction (a permit instead of an approval), so it lands on the block the test chose.</summary>
    private static Task<SubmittedJob> RequestAsync(InferenceClient client) =>
        client.RequestInferenceAsync(Devnet.Models["linear-regressor"].Id, LinearInput(), new RequestSettings { UsePermit = true });

    private static async Task FundAsync(EthKey requester)
    {
        using InferenceClient owner = await Devnet.ConnectAsync(Devnet.Owner);
        await owner.Token.TransferAsync(requester.Address, 100 * Devnet.Opg);
    }
}
