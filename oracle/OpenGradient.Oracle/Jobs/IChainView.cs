using OpenGradient.Inference;

namespace OpenGradient.Oracle.Jobs;

/// <summary>The chain reads the job features need: chain time (deadlines are block timestamps) and model terms.</summary>
internal interface IChainView
{
    /// <summary>
    /// A lower bound of the timestamp the next block will carry: the latest block's timestamp plus the local time
    /// elapsed since it was seen. Acting on it never acts before a deadline the hub checks with <c>block.timestamp</c>.
    /// </summary>
    ValueTask<ulong> GetChainTimeAsync(CancellationToken cancellationToken);

    /// <summary>The registry's terms of a model; null when the model is not registered.</summary>
    Task<ModelTerms?> GetModelAsync(ModelId modelId, CancellationToken cancellationToken);
}
