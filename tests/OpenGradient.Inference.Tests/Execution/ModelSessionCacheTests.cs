using Microsoft.ML.OnnxRuntime;
using OpenGradient.Inference.Execution;
using OpenGradient.Models.Samples;

namespace OpenGradient.Inference.Tests.Execution;

public sealed class ModelSessionCacheTests
{
    [Test]
    public void AddAndAcquire_EvictedWhileLeased_DisposesOnlyAfterTheLeaseIsReleased()
    {
        using var cache = new ModelSessionCache(1);
        var first = Load(SampleModels.LinearRegressor());
        var second = Load(SampleModels.MultiOutput());

        var lease = cache.AddAndAcquire(first);
        cache.AddAndAcquire(second).Dispose();

        Assert.That(cache.Contains(first.Id), Is.False);
        Assert.That(first.IsDisposed, Is.False);
        lease.Dispose();
        Assert.That(first.IsDisposed, Is.True);
        Assert.That(second.IsDisposed, Is.False);
    }

    [Test]
    public void AddAndAcquire_SameModelTwice_KeepsTheFirstAndDisposesTheDuplicate()
    {
        using var cache = new ModelSessionCache(2);
        var model = SampleModels.LinearRegressor();
        var first = Load(model);
        var duplicate = Load(model);

        cache.AddAndAcquire(first).Dispose();
        using var lease = cache.AddAndAcquire(duplicate);

        Assert.That(lease.Entry, Is.SameAs(first));
        Assert.That(duplicate.IsDisposed, Is.True);
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public void TryAcquire_RecentlyUsedEntry_SurvivesTheNextEviction()
    {
        using var cache = new ModelSessionCache(2);
        var a = Load(SampleModels.LinearRegressor());
        var b = Load(SampleModels.MlpClassifier());
        var c = Load(SampleModels.MultiOutput());
        cache.AddAndAcquire(a).Dispose();
        cache.AddAndAcquire(b).Dispose();

        cache.TryAcquire(a.Id)!.Dispose();
        cache.AddAndAcquire(c).Dispose();

        Assert.That(cache.Contains(a.Id), Is.True);
        Assert.That(cache.Contains(b.Id), Is.False);
        Assert.That(b.IsDisposed, Is.True);
    }

    [Test]
    public void Dispose_DisposesEveryUnleasedSession()
    {
        var cache = new ModelSessionCache(2);
        var a = Load(SampleModels.LinearRegressor());
        cache.AddAndAcquire(a).Dispose();

        cache.Dispose();

        Assert.That(a.IsDisposed, Is.True);
    }

    private static CachedSession Load(SampleModel model)
    {
        using var options = ModelExecutor.CreateSessionOptions(1);
        var session = new InferenceSession(model.ToArray(), options);
        return new CachedSession(ModelId.FromBytes(model.Sha256.Span), session, new ModelSignature([], []));
    }
}
