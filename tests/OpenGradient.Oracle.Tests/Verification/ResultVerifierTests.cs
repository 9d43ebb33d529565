using NUnit.Framework;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Testing;
using OpenGradient.Oracle.Tests.Jobs;
using OpenGradient.Oracle.Verification;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Tests.Verification;

[TestFixture]
public sealed class ResultVerifierTests
{
    [Test]
    public async Task Verify_ResultOffByExactlyTheTolerance_IsAgreedAndNotChallenged()
    {
        using var rig = new JobRig();
        var jobId = await PostResultAsync(rig, shift: 10); // the linear model's tolerance is 10
        var verifier = rig.Verifier();

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Store.GetJob(jobId)!.VerificationStage, Is.EqualTo(VerificationStage.Agreed));
        Assert.That(rig.Hub.Calls, Is.Empty);
    }

    [Test]
    public async Task Verify_ResultOffByOneMoreThanTheTolerance_IsChallenged()
    {
        using var rig = new JobRig();
        var jobId = await PostResultAsync(rig, shift: 11);
        var verifier = rig.Verifier();

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Hub.Calls.Single().Function, Is.EqualTo("challenge"));
        Assert.That(rig.Hub.Calls.Single().Key, Is.EqualTo($"challenge:{jobId}"));
        Assert.That(rig.Store.GetJob(jobId)!.VerificationStage, Is.EqualTo(VerificationStage.Challenged));
    }

    [Test]
    public async Task Verify_WrongResultAfterTheWindowClosed_IsNotChallenged()
    {
        using var rig = new JobRig();
        var jobId = await PostResultAsync(rig, shift: 1000);
        rig.Chain.Now += 59; // window is 60 s, margin 2 s
        var verifier = rig.Verifier();

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Hub.Calls, Is.Empty);
        Assert.That(rig.Store.GetJob(jobId)!.VerificationStage, Is.EqualTo(VerificationStage.Skipped));
    }

    [Test]
    public async Task Verify_FailureClaimedForAGoodInput_IsChallenged()
    {
        using var rig = new JobRig();
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: false);
        rig.Store.RecordOutcome(jobId, JobStatus.FailureReported, null, HubFailureCode.BadInput, rig.Chain.Now + 60, verify: true);
        var verifier = rig.Verifier();

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Hub.Calls.Single().Function, Is.EqualTo("challenge"));
    }

    [Test]
    public async Task Verify_BadInputFailureForAWrongShape_IsAgreed()
    {
        using var rig = new JobRig();
        var jobId = rig.Request(JobRig.WrongShapeInput(), assignedToSelf: false);
        rig.Store.RecordOutcome(jobId, JobStatus.FailureReported, null, HubFailureCode.BadInput, rig.Chain.Now + 60, verify: true);
        var verifier = rig.Verifier();

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Hub.Calls, Is.Empty);
        Assert.That(rig.Store.GetJob(jobId)!.VerificationStage, Is.EqualTo(VerificationStage.Agreed));
    }

    [Test]
    public async Task Verify_ModelUnavailableHere_CannotTellAndDoesNotChallenge()
    {
        using var rig = new JobRig();
        var jobId = await PostResultAsync(rig, shift: 1000);
        rig.Chain.Models[rig.Linear] = rig.Chain.Models[rig.Linear] with { Uri = "file:///nonexistent/model.onnx" };
        using var freshRig = new JobRig();
        var verifier = new ResultVerifier(
            rig.Store, new OutcomeJudge(freshRig.Runner), rig.Hub, rig.Chain,
            Microsoft.Extensions.Options.Options.Create(rig.Verification), Microsoft.Extensions.Options.Options.Create(rig.Testing),
            rig.Metrics, rig.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ResultVerifier>.Instance);
        freshRig.Chain.Models[rig.Linear] = rig.Chain.Models[rig.Linear];

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Hub.Calls, Is.Empty);
        Assert.That(rig.Store.GetJob(jobId)!.VerificationStage, Is.EqualTo(VerificationStage.Skipped));
    }

    [Test]
    public async Task Verify_LyingChallengerSwitch_ChallengesAnHonestResult()
    {
        using var rig = new JobRig(testing: new TestingOptions { ChallengeHonestResults = true });
        var jobId = await PostResultAsync(rig, shift: 0);
        var verifier = rig.Verifier();

        await verifier.VerifyAsync(jobId, CancellationToken.None);

        Assert.That(rig.Hub.Calls.Single().Function, Is.EqualTo("challenge"));
    }

    [Test]
    public async Task Verify_NotSampled_IsNeverQueued()
    {
        using var rig = new JobRig();
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: false);
        rig.Store.RecordOutcome(jobId, JobStatus.Submitted, await rig.HonestOutputAsync(JobRig.LinearInput()), 0, rig.Chain.Now + 60, verify: false);

        Assert.That(rig.Store.PendingVerifications(), Is.Empty);
    }

    [Test]
    public void Sampler_SameJobAndNode_AlwaysGivesTheSameAnswerAndHitsRoughlyTheShare()
    {
        using var rig = new JobRig();
        var sampled = 0;
        for (ulong jobId = 1; jobId <= 4000; jobId++)
        {
            var first = VerificationSampler.IsSampled(jobId, rig.Key.Address, 0.25);
            Assert.That(VerificationSampler.IsSampled(jobId, rig.Key.Address, 0.25), Is.EqualTo(first));
            sampled += first ? 1 : 0;
        }

        Assert.That(sampled, Is.InRange(850, 1150));
        Assert.That(VerificationSampler.IsSampled(7, rig.Key.Address, 0), Is.False);
        Assert.That(VerificationSampler.IsSampled(7, rig.Key.Address, 1), Is.True);
    }

    /// <summary>Records a result posted by another node: the honest output with every Fixed value shifted.</summary>
    private static async Task<ulong> PostResultAsync(JobRig rig, long shift)
    {
        var input = JobRig.LinearInput();
        var jobId = rig.Request(input, assignedToSelf: false);
        var honest = TensorList.Decode(await rig.HonestOutputAsync(input));
        var values = honest[0].Values.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += shift;
        }

        var posted = TensorList.Of(new NamedTensor(honest[0].Name, honest[0].ElementType, honest[0].Decimals, honest[0].Shape, values)).Encode();
        rig.Store.RecordOutcome(jobId, JobStatus.Submitted, posted, 0, rig.Chain.Now + 60, verify: true);
        return jobId;
    }
}
