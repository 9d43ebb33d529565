using NUnit.Framework;
using OpenGradient.Oracle.Tests.Jobs;
using OpenGradient.Oracle.Verification;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Tests.Verification;

[TestFixture]
public sealed class SettlementDutiesTests
{
    [Test]
    public async Task Finalize_OwnJobsPastTheWindow_GoInOneBatchWithOutputsWhenACallbackNeedsThem()
    {
        using var rig = new JobRig();
        var output = await rig.HonestOutputAsync(JobRig.LinearInput());
        var withCallback = Posted(rig, output, callbackGasLimit: 100_000);
        var failure = rig.Request(JobRig.WrongShapeInput(), assignedToSelf: true);
        rig.Store.RecordOutcome(failure, JobStatus.FailureReported, null, 1, rig.Chain.Now + 60, verify: false);
        var othersJob = rig.Request(JobRig.LinearInput(), assignedToSelf: false);
        rig.Store.RecordOutcome(othersJob, JobStatus.Submitted, output, 0, rig.Chain.Now + 60, verify: false);
        var settlement = rig.Settlement();

        await settlement.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls, Is.Empty, "the windows are still open");

        rig.Chain.Now += 61;
        await settlement.RunOnceAsync(CancellationToken.None);

        var batch = rig.Hub.Calls.Single();
        Assert.That(batch.Function, Is.EqualTo("finalizeBatch"));
        Assert.That(batch.JobIds, Is.EqualTo(new[] { withCallback, failure }));
        Assert.That(batch.Outputs![0], Is.EqualTo(output));
        Assert.That(batch.Outputs[1], Is.Empty);
    }

    [Test]
    public async Task Finalize_BatchSentAndStillOpen_IsNotResentBeforeTheResendDelay()
    {
        using var rig = new JobRig();
        var jobId = Posted(rig, await rig.HonestOutputAsync(JobRig.LinearInput()), callbackGasLimit: 0);
        rig.Chain.Now += 61;
        var settlement = rig.Settlement();

        await settlement.RunOnceAsync(CancellationToken.None);
        await settlement.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls, Has.Count.EqualTo(1));
        Assert.That(rig.Hub.Calls[0].Outputs, Is.Empty, "no callback, no outputs");

        rig.Chain.Now += (ulong)rig.Verification.FinalizeResendAfterSeconds + 1;
        await settlement.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls, Has.Count.EqualTo(2));

        rig.Store.SetChainStatus(jobId, JobStatus.Finalized);
        rig.Chain.Now += (ulong)rig.Verification.FinalizeResendAfterSeconds + 1;
        await settlement.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Finalize_VerifiedJob_IsDueAtOnce()
    {
        using var rig = new JobRig();
        var jobId = Posted(rig, await rig.HonestOutputAsync(JobRig.LinearInput()), callbackGasLimit: 0);
        rig.Store.SetChainStatus(jobId, JobStatus.Verified);

        await rig.Settlement().RunOnceAsync(CancellationToken.None);

        Assert.That(rig.Hub.Calls.Single().JobIds, Is.EqualTo(new[] { jobId }));
    }

    [Test]
    public async Task Expire_OtherNodesJobPastItsResultDeadline_IsExpiredOnce()
    {
        using var rig = new JobRig();
        var late = rig.Request(JobRig.LinearInput(), assignedToSelf: false);
        var mine = rig.Request(JobRig.LinearInput(), assignedToSelf: true);
        var settlement = rig.Settlement();

        await settlement.RunOnceAsync(CancellationToken.None);
        Assert.That(rig.Hub.Calls, Is.Empty);

        rig.Chain.Now += 121;
        await settlement.RunOnceAsync(CancellationToken.None);
        await settlement.RunOnceAsync(CancellationToken.None);

        Assert.That(rig.Hub.Calls.Single().Function, Is.EqualTo("expire"));
        Assert.That(rig.Hub.Calls.Single().JobId, Is.EqualTo(late));
        Assert.That(mine, Is.Not.EqualTo(late));
    }

    private static ulong Posted(JobRig rig, byte[] output, uint callbackGasLimit)
    {
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: true, callbackGasLimit: callbackGasLimit);
        rig.Store.RecordOutcome(jobId, JobStatus.Submitted, output, 0, rig.Chain.Now + 60, verify: false);
        return jobId;
    }
}
