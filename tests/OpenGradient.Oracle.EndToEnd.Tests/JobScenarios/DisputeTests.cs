using System.Numerics;
using NUnit.Framework;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Oracle.EndToEnd.Tests.JobScenarios;

/// <summary>
/// Scenario 2 on one devnet of five oracle processes: node4 posts corrupted results (and stakes more, so it is
/// drawn often), node5 challenges every result (a lying challenger); nodes 1-3 are honest. A lying executor's
/// result is challenged and overturned, and it is slashed; an honest result challenged by the liar is upheld and
/// finalized, and the liar's bond is forfeited.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DisputeTests
{
    private const int LyingExecutor = 3;
    private const int LyingChallenger = 4;
    private static readonly TimeSpan DisputeTimeout = TimeSpan.FromSeconds(OracleNetwork.ChallengeWindowSeconds + (2 * OracleNetwork.PhaseSeconds) + 120);
    private OracleNetwork _network = null!;

    [OneTimeSetUp]
    public async Task StartNetworkAsync() =>
        _network = await OracleNetwork.StartAsync(nodes: 5, index => index switch
        {
            LyingExecutor => new Dictionary<string, string> { ["Testing:CorruptResults"] = "true", ["Staking:EnsureStakeOpg"] = "3000" },
            LyingChallenger => new Dictionary<string, string> { ["Testing:ChallengeHonestResults"] = "true" },
            _ => new Dictionary<string, string>(),
        });

    [OneTimeTearDown]
    public async Task StopNetworkAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public async Task LyingExecutor_IsChallengedOverturnedAndSlashed_AndHonestResultChallengedByALiarIsUpheld()
    {
        var liar = OracleNetwork.NodeAddress(LyingExecutor);
        var staking = new NodeStakingService(_network.Account(0), _network.Staking);
        var stakeBefore = (await staking.NodeInfoAsync(liar)).Stake;

        BigInteger? lyingJob = null;
        BigInteger? honestJob = null;
        for (var attempt = 0; attempt < 16 && (lyingJob is null || honestJob is null); attempt++)
        {
            var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [attempt, 1f, -2f, 0.5f])).Encode();
            var (jobId, executor) = await _network.RequestAsync(input);
            if (executor == liar)
            {
                lyingJob ??= jobId;
            }
            else if (executor != OracleNetwork.NodeAddress(LyingChallenger))
            {
                honestJob ??= jobId;
            }
        }

        Assert.That(lyingJob, Is.Not.Null, "no job was assigned to the lying executor in 16 requests");
        Assert.That(honestJob, Is.Not.Null, "no job was assigned to an honest executor in 16 requests");

        var lyingStatus = await _network.WaitForStatusAsync(lyingJob!.Value, DisputeTimeout, JobStatus.Rejected, JobStatus.Finalized, JobStatus.Refunded);
        var honestStatus = await _network.WaitForStatusAsync(honestJob!.Value, DisputeTimeout, JobStatus.Finalized, JobStatus.Rejected, JobStatus.Refunded);
        var lyingDispute = await _network.HubReader.GetDisputeAsync(lyingJob.Value);
        var honestDispute = await _network.HubReader.GetDisputeAsync(honestJob.Value);

        Assert.That(lyingStatus, Is.EqualTo(JobStatus.Rejected));
        Assert.That(lyingDispute.Outcome, Is.EqualTo(DisputeOutcome.Overturned));
        Assert.That(lyingDispute.Challenger, Is.Not.EqualTo(liar));
        Assert.That((await staking.NodeInfoAsync(liar)).Stake, Is.LessThan(stakeBefore), "the lying executor was slashed");

        Assert.That(honestStatus, Is.EqualTo(JobStatus.Finalized));
        Assert.That(honestDispute.Challenger, Is.EqualTo(OracleNetwork.NodeAddress(LyingChallenger)), "the liar challenged the honest result");
        Assert.That(honestDispute.Outcome, Is.EqualTo(DisputeOutcome.Upheld), "the committee upheld it: the challenger's bond is forfeited");
        Assert.That(honestDispute.Bond, Is.GreaterThan(BigInteger.Zero));
    }
}
