using NUnit.Framework;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Testing;

namespace OpenGradient.Oracle.Tests.Jobs;

[TestFixture]
public sealed class JobPipelineTests
{
    [Test]
    public async Task Pipeline_AssignedJob_SubmitsTheCanonicalOutputOnce()
    {
        using var rig = new JobRig();
        var input = JobRig.LinearInput();
        var jobId = rig.Request(input, assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        var call = await rig.Hub.WaitForAsync(c => c.JobId == jobId);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(call.Function, Is.EqualTo("submitResult"));
        Assert.That(call.Key, Is.EqualTo($"submit:{jobId}"));
        Assert.That(call.Output, Is.EqualTo(await rig.HonestOutputAsync(input)));
        Assert.That(rig.Store.GetJob(jobId)!.ExecutionStage, Is.EqualTo(ExecutionStage.Done));
        Assert.That(rig.Hub.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Pipeline_WrongInputShape_ReportsBadInputFailure()
    {
        using var rig = new JobRig();
        var jobId = rig.Request(JobRig.WrongShapeInput(), assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        var call = await rig.Hub.WaitForAsync(c => c.JobId == jobId);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(call.Function, Is.EqualTo("reportFailure"));
        Assert.That(call.FailureCode, Is.EqualTo(HubFailureCode.BadInput));
    }

    [Test]
    public async Task Pipeline_InputThatDoesNotDecode_ReportsBadInputFailure()
    {
        using var rig = new JobRig();
        var jobId = rig.Request([1, 2, 3], assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        var call = await rig.Hub.WaitForAsync(c => c.JobId == jobId);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(call.Function, Is.EqualTo("reportFailure"));
        Assert.That(call.FailureCode, Is.EqualTo(HubFailureCode.BadInput));
    }

    [Test]
    public async Task Pipeline_ModelFileWithAnotherHash_ReportsModelUnavailableAndKeepsRunning()
    {
        using var rig = new JobRig();
        var mlp = SampleModels.MlpClassifier();
        var mlpId = Inference.ModelId.FromBytes(mlp.Sha256.Span);
        rig.RegisterWrongFile(mlpId, CorruptModel.FlipLastByte(mlp.Bytes.Span));
        var bad = rig.Request(JobRig.LinearInput(), assignedToSelf: true, model: mlpId);
        var good = rig.Request(JobRig.LinearInput(), assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(bad, CancellationToken.None);
        await pipeline.EnqueueAsync(good, CancellationToken.None);

        var failure = await rig.Hub.WaitForAsync(c => c.JobId == bad);
        var result = await rig.Hub.WaitForAsync(c => c.JobId == good);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(failure.Function, Is.EqualTo("reportFailure"));
        Assert.That(failure.FailureCode, Is.EqualTo(HubFailureCode.ModelUnavailable));
        Assert.That(result.Function, Is.EqualTo("submitResult"));
    }

    [Test]
    public async Task Pipeline_ModelThatOnnxRuntimeCannotLoad_ReportsModelUnavailable()
    {
        using var rig = new JobRig();
        var truncated = CorruptModel.Truncate(SampleModels.MlpClassifier().Bytes.Span);
        var id = Inference.ModelId.Compute(truncated);
        var path = Path.Combine(Path.GetTempPath(), "og-truncated-" + id.ToHexNoPrefix() + ".onnx");
        await File.WriteAllBytesAsync(path, truncated);
        rig.Chain.Models[id] = new ModelTerms(new Uri(path).AbsoluteUri, 6, 5);
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: true, model: id);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        var call = await rig.Hub.WaitForAsync(c => c.JobId == jobId);
        await pipeline.StopAsync(CancellationToken.None);
        File.Delete(path);

        Assert.That(call.FailureCode, Is.EqualTo(HubFailureCode.ModelUnavailable));
    }

    [Test]
    public async Task Pipeline_DeadlineWithinTheMargin_DoesNotSendAndMarksTheJobMissed()
    {
        using var rig = new JobRig();
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: true);
        rig.Chain.Now += 119; // deadline is request time + 120, margin 3 s
        var skipped = rig.Metrics.JobsTotal.WithLabels("skipped");
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        await WaitUntilAsync(() => rig.Store.GetJob(jobId)!.ExecutionStage == ExecutionStage.Missed);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(rig.Hub.Calls, Is.Empty);
        Assert.That(skipped.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Pipeline_Restart_ResumesRecordedJobsAndSendsEachUnderOneKey()
    {
        using var rig = new JobRig();
        var first = rig.Request(JobRig.LinearInput(1f), assignedToSelf: true);
        var second = rig.Request(JobRig.LinearInput(2f), assignedToSelf: true);
        var notMine = rig.Request(JobRig.LinearInput(3f), assignedToSelf: false);

        // A previous life handed `first` to the sender, then died before the chain showed it.
        rig.Store.SetExecutionStage(first, ExecutionStage.Submitting);
        await rig.Hub.SubmitResultAsync(first, await rig.HonestOutputAsync(JobRig.LinearInput(1f)), CancellationToken.None);

        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None); // recovery enqueues both, nothing else
        await rig.Hub.WaitForAsync(c => c.JobId == second);
        await WaitUntilAsync(() => rig.Store.GetJob(first)!.ExecutionStage == ExecutionStage.Done);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(rig.Hub.Calls.Select(c => c.JobId), Is.EquivalentTo(new[] { first, second }));
        Assert.That(rig.Store.GetJob(notMine)!.ExecutionStage, Is.EqualTo(ExecutionStage.None));
    }

    [Test]
    public async Task Pipeline_RevertWithInvalidJobStatus_CountsTheJobAsDone()
    {
        using var rig = new JobRig();
        rig.Hub.Answers["submitResult"] = HubTxResult.Reverted("InvalidJobStatus", "already submitted");
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        await WaitUntilAsync(() => rig.Store.GetJob(jobId)!.ExecutionStage == ExecutionStage.Done);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.That(rig.Hub.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Pipeline_SendNotConfirmed_RetriesAfterTheDelayOnTheFakeClock()
    {
        using var rig = new JobRig();
        rig.Hub.Answers["submitResult"] = HubTxResult.Failed("rpc down");
        var jobId = rig.Request(JobRig.LinearInput(), assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);
        await rig.Hub.WaitForAsync(c => c.JobId == jobId);
        await WaitUntilAsync(() => rig.Store.GetJob(jobId)!.ExecutionStage == ExecutionStage.Submitting);

        Assert.That(rig.Store.PendingExecutions().Select(j => j.JobId), Is.EqualTo(new[] { jobId }));
        await pipeline.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Pipeline_CorruptResultsSwitch_PostsAnOutputOutsideTheTolerance()
    {
        using var rig = new JobRig(testing: new TestingOptions { CorruptResults = true });
        var input = JobRig.LinearInput();
        var jobId = rig.Request(input, assignedToSelf: true);
        using var pipeline = rig.Pipeline();
        await pipeline.StartAsync(CancellationToken.None);
        await pipeline.EnqueueAsync(jobId, CancellationToken.None);

        var call = await rig.Hub.WaitForAsync(c => c.JobId == jobId);
        await pipeline.StopAsync(CancellationToken.None);

        var honest = TensorList.Decode(await rig.HonestOutputAsync(input));
        var posted = TensorList.Decode(call.Output);
        Assert.That(ToleranceComparer.Compare(honest, posted, 10).Agrees, Is.False);
        Assert.That(posted[0].Name, Is.EqualTo(honest[0].Name));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            // Polls a condition set by the pipeline's own background tasks (real threads, not the fake clock).
            await Task.Delay(10, timeout.Token);
        }
    }
}
