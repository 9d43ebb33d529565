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
        LogScan scan = await _logs.ReadAsync(
            Registry.Address, [LogFilter.AnyOf(ModelRegisteredEvent.Topic0)], Deployment.DeployBlock, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ModelRegisteredEvent> events = ModelRegisteredEvent.DecodeAll(scan.Logs, Registry.Address);

        var seen = new HashSet<ModelId>();
        var models = new List<ModelInfo>(events.Count);
        foreach (ModelRegisteredEvent registered in events)
        {
            ModelId id = ModelId.FromBytes(registered.ModelId);
            if (!seen.Add(id))
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
}
