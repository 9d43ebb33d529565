using Microsoft.Extensions.Time.Testing;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk.Tests;

/// <summary>Waiting is bounded by the client's TimeProvider and cancellable by the caller.</summary>
[TestFixture]
public sealed class WaitTests
{
    private static TensorList Input() => TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]));

    [Test]
    public async Task WaitForResult_FakeClockPastTheTimeout_ThrowsJobWaitTimeoutException()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2), timeProvider: clock);
        SubmittedJob job = await client.RequestInferenceAsync(Devnet.Models["linear-regressor"].Id, Input());

        Task<JobOutcome> wait = client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(11));

        var e = Assert.ThrowsAsync<JobWaitTimeoutException>(() => wait);
        Assert.That(e!.Message, Does.Contain("00:10:00"));
    }

    [Test]
    public async Task WaitForResult_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2), timeProvider: clock);
        SubmittedJob job = await client.RequestInferenceAsync(Devnet.Models["linear-regressor"].Id, Input());
        using var cancel = new CancellationTokenSource();

        Task<JobOutcome> wait = client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(10), cancel.Token);
        await cancel.CancelAsync();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
    }
}
