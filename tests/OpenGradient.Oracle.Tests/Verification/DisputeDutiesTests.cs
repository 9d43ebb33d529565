using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Tests.Jobs;
using OpenGradient.Oracle.Verification;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Tests.Verification;

[TestFixture]
public sealed class DisputeDutiesTests
{
    [Test]
    public async Task Vote_HonestResult_CommitsThenRevealsValidWithTheStoredSalt()
    {
        using var rig = new JobRig();
        var jobId = await DisputedHonestJobAsync(rig);
        var duties = rig.Disputes();

        await duties.RunOnceAsync(CancellationToken.None); // decide (salt stored)
        var decided = rig.Store.GetVote(jobId)!;
        Assert.That(decided.Stage, Is.EqualTo(VoteStage.Decided));
        Assert.That(rig.Hub.Calls, Is.Empty, "the salt is stored before anything is sent");

        await duties.RunOnceAsync(CancellationToken.None); // commit
        var commit = rig.Hub.Calls.Single(c => c.Function == "commitVote");

        await duties.RunOnceAsync(CancellationToken.None); // commit phase still open: nothing
        Assert.That(rig.Hub.Calls, Has.Count.EqualTo(1));

        rig.Chain.Now = decided.CommitDeadline + 1;
        await duties.RunOnceAsync(CancellationToken.None); // reveal
        var reveal = rig.Hub.Calls.Single(c => c.Function == "revealVote");

        Assert.That(reveal.Valid, Is.True);
        Assert.That(reveal.Hash, Is.EqualTo(decided.Salt));
        Assert.That(commit.Hash, Is.EqualTo(ReferenceCommitment(jobId, true, decided.Salt!, rig)));
        Assert.That(rig.Store.GetVote(jobId)!.Stage, Is.EqualTo(VoteStage.Revealed));
    }

    [Test]
    public async Task Vote_RestartAfterCommit_RevealsWithTheSaltFromTheDatabase()
    {
        using var rig = new JobRig();
        var jobId = await DisputedHonestJobAsync(rig);
        var first = rig.Disputes();
        await first.RunOnceAsync(CancellationToken.None);
        await first.RunOnceAsync(CancellationToken.None);
        var commit = rig.Hub.Calls.Single(c => c.Function == "commitVote");
        first.Dispose();

        var vote = rig.Store.GetVote(jobId)!;
        rig.Chain.Now = vote.CommitDeadline + 1;
        var second = rig.Disputes(); // a new process life over the same database
        await second.RunOnceAsync(CancellationToken.None);
        second.Dispose();

        var reveal = rig.Hub.Calls.Single(c => c.Function == "revealVote");
        Assert.That(commit.Hash, Is.EqualTo(ReferenceCommitment(jobId, reveal.Valid!.Value, reveal.Hash!, rig)));
    }

    [Test]
    public async Task Vote_ResultOutsideTolerance_RevealsInvalid()
    {
        using var rig = new JobRig();
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: false);
        var honest = await rig.HonestOutputAsync(JobRig.LinearInput(9f));
        rig.Store.RecordOutcome(jobId, JobStatus.Submitted, honest, 0, rig.Chain.Now + 60, verify: false);
        rig.Store.SetChainStatus(jobId, JobStatus.Disputed);
        rig.Store.AddVote(jobId, rig.Chain.Now + 60, rig.Chain.Now + 120);
        var duties = rig.Disputes();

        await duties.RunOnceAsync(CancellationToken.None);

        Assert.That(rig.Store.GetVote(jobId)!.Valid, Is.False);
        duties.Dispose();
    }

    [Test]
    public async Task Vote_CommitPhaseOverBeforeCommitting_IsMissedAndSendsNothing()
    {
        using var rig = new JobRig();
        var jobId = await DisputedHonestJobAsync(rig);
        var duties = rig.Disputes();
        await duties.RunOnceAsync(CancellationToken.None);
        rig.Chain.Now = rig.Store.GetVote(jobId)!.CommitDeadline;

        await duties.RunOnceAsync(CancellationToken.None);

        Assert.That(rig.Hub.Calls, Is.Empty);
        Assert.That(rig.Store.GetVote(jobId)!.Stage, Is.EqualTo(VoteStage.Missed));
        duties.Dispose();
    }

    [Test]
    public async Task Resolve_AfterTheRevealDeadline_IsSentAndAResolvedDisputeClosesTheSeat()
    {
        using var rig = new JobRig();
        var jobId = await DisputedHonestJobAsync(rig);
        var vote = rig.Store.GetVote(jobId)!;
        rig.Store.AdvanceVote(jobId, VoteStage.Revealed);
        var duties = rig.Disputes();

        rig.Chain.Now = vote.RevealDeadline;
        await duties.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls, Is.Empty, "not before the reveal deadline has passed");

        rig.Chain.Now = vote.RevealDeadline + 1;
        await duties.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls.Single().Function, Is.EqualTo("resolveDispute"));

        rig.Store.SetChainStatus(jobId, JobStatus.Verified);
        await duties.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Store.GetVote(jobId)!.Stage, Is.EqualTo(VoteStage.Done));
        duties.Dispose();
    }

    [Test]
    public void Commitment_MatchesTheAbiEncodingTheHubHashes()
    {
        using var rig = new JobRig();
        var salt = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        Assert.That(VoteCommitment.Compute(42, false, salt, rig.Key.Address), Is.EqualTo(ReferenceCommitment(42, false, salt, rig)));
    }

    private static byte[] ReferenceCommitment(ulong jobId, bool valid, byte[] salt, JobRig rig)
    {
        var encoded = AbiEncoder.Encode("uint256, bool, bytes32, address", new System.Numerics.BigInteger(jobId), valid, salt, rig.Key.Address);
        return Keccak256.Hash(encoded);
    }

    private static async Task<ulong> DisputedHonestJobAsync(JobRig rig)
    {
        var input = JobRig.LinearInput();
        var jobId = rig.Request(input, assignedToSelf: false);
        rig.Store.RecordOutcome(jobId, JobStatus.Submitted, await rig.HonestOutputAsync(input), 0, rig.Chain.Now + 60, verify: false);
        rig.Store.SetChainStatus(jobId, JobStatus.Disputed);
        rig.Store.AddVote(jobId, rig.Chain.Now + 60, rig.Chain.Now + 120);
        return jobId;
    }
}
