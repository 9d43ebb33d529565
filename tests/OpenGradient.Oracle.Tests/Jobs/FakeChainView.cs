using System.Collections.Concurrent;
using OpenGradient.Inference;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Tests.Jobs;

/// <summary>A chain with a settable clock and registry.</summary>
internal sealed class FakeChainView : IChainView
{
    private long _now = 1_000_000;

    public ConcurrentDictionary<ModelId, ModelTerms> Models { get; } = new();

    public ulong Now
    {
        get => (ulong)Interlocked.Read(ref _now);
        set => Interlocked.Exchange(ref _now, (long)value);
    }

    public ValueTask<ulong> GetChainTimeAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Now);

    public Task<ModelTerms?> GetModelAsync(ModelId modelId, CancellationToken cancellationToken) =>
        Task.FromResult(Models.TryGetValue(modelId, out var terms) ? terms : null);
}
