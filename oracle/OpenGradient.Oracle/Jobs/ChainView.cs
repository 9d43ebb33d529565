using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;
using OpenGradient.Oracle.Chain;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// Chain time from the watcher's head (a lower bound of the next block's timestamp), and model terms from the
/// registry (cached: decimals and tolerance never change; a model whose URI changes is re-read after a fetch failure
/// only by a restart, which is acceptable for v1).
/// </summary>
internal sealed class ChainView : IChainView
{
    private readonly ChainState _state;
    private readonly JsonRpcClient _rpc;
    private readonly ModelRegistryService _registry;
    private readonly ConcurrentDictionary<ModelId, ModelTerms> _models = new();

    public ChainView(ChainState state, JsonRpcClient rpc, IOptions<ChainOptions> chain)
    {
        _state = state;
        _rpc = rpc;
        _registry = new ModelRegistryService(new Web3(rpc), Address.Parse(chain.Value.RegistryAddress!));
    }

    public async ValueTask<ulong> GetChainTimeAsync(CancellationToken cancellationToken)
    {
        var estimate = _state.EstimatedChainTime;
        if (estimate != 0)
        {
            return estimate;
        }

        var latest = await _rpc.GetBlockAsync(BlockParameter.Latest, false, cancellationToken).ConfigureAwait(false);
        return latest?.Timestamp ?? 0;
    }

    public async Task<ModelTerms?> GetModelAsync(ModelId modelId, CancellationToken cancellationToken)
    {
        if (_models.TryGetValue(modelId, out var cached))
        {
            return cached;
        }

        // terms() answers zeros for an unknown model, where getModel() would revert.
        var registered = await _registry.TermsAsync(modelId.ToArray(), null, cancellationToken).ConfigureAwait(false);
        if (registered.Owner.IsZero)
        {
            return null;
        }

        var model = await _registry.GetModelAsync(modelId.ToArray(), null, cancellationToken).ConfigureAwait(false);
        var terms = new ModelTerms(model.Uri, model.OutputDecimals, model.Tolerance);
        _models[modelId] = terms;
        return terms;
    }
}
