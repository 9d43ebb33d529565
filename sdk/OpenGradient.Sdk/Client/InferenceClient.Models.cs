using OpenGradient.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Inference;

namespace OpenGradient.Sdk;

public sealed partial class InferenceClient
{
    /// <summary>
    /// Every model registered on the deployment, oldest registration first, each as the registry holds it now (so fee
    /// and URI updates and deactivation show). The ids come from the registry's <c>ModelRegistered</c> events, read from
    /// the deployment's first block to the latest block in ranges of <see cref="InferenceClientOptions.LogPageBlocks"/>
    /// blocks, so a long chain stays within the node's <c>eth_getLogs</c> range limit.
    /// </summary>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <exception cref="RpcUnavailableException">The node cannot be reached.</exception>
    /// <exception cref="JsonRpcException">
    /// The node refused a log query, typically because its block-range limit is below
    /// <see cref="InferenceClientOptions.LogPageBlocks"/>: lower that option and retry.
    /// </exception>
    public async Task<IReadOnlyList<ModelInfo>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ModelRegisteredEvent> events = await GetLogsInPagesAsync(
            (from, to) => Registry.GetModelRegisteredEventsAsync(from, to, null, cancellationToken),
            cancellationToken).ConfigureAwait(false);

        var seen = new HashSet<ModelId>();
        var models = new List<ModelInfo>(events.Count);
        foreach (ModelRegisteredEvent registered in events.OrderBy(e => e.Log?.BlockNumber).ThenBy(e => e.Log?.LogIndex))
        {
            ModelId id = ModelId.FromBytes(registered.ModelId);
            if (registered.Log?.Removed == true || !seen.Add(id))
            {
                continue;
            }

            try
            {
                models.Add(await GetModelAsync(id, cancellationToken).ConfigureAwait(false));
            }
            catch (UnknownModelException)
            {
                // The registry never forgets a model; only a reorg that dropped the registration gets here.
            }
        }

        return models;
    }

    /// <summary>
    /// One event query run over [deployment block, latest block] in consecutive ranges of
    /// <see cref="InferenceClientOptions.LogPageBlocks"/> blocks, the ranges in ascending order.
    /// </summary>
    private async Task<IReadOnlyList<T>> GetLogsInPagesAsync<T>(
        Func<BlockParameter, BlockParameter, Task<IReadOnlyList<T>>> query,
        CancellationToken cancellationToken)
    {
        ulong latest = await Guard(_rpc, () => _rpc.GetBlockNumberAsync(cancellationToken)).ConfigureAwait(false);
        ulong pageBlocks = _options.LogPageBlocks;
        var results = new List<T>();
        for (ulong from = Deployment.DeployBlock; from <= latest;)
        {
            ulong to = latest - from < pageBlocks ? latest : from + pageBlocks - 1;
            BlockParameter fromBlock = BlockParameter.Number(from);
            BlockParameter toBlock = BlockParameter.Number(to);
            IReadOnlyList<T> page = await Guard(_rpc, () => query(fromBlock, toBlock)).ConfigureAwait(false);
            results.AddRange(page);
            if (to == latest)
            {
                break;
            }

            from = to + 1;
        }

        return results;
    }
}
