using OpenGradient.Inference;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Benchmarks;

/// <summary>A registry of one model for the benchmark (no chain involved in the execution step).</summary>
internal sealed class FixedChainView(ModelId id, ModelTerms terms) : IChainView
{
    public ValueTask<ulong> GetChainTimeAsync(CancellationToken cancellationToken) => ValueTask.FromResult(0UL);

    public Task<ModelTerms?> GetModelAsync(ModelId modelId, CancellationToken cancellationToken) =>
        Task.FromResult(modelId == id ? terms : null);
}
