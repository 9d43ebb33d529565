using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Sdk;

/// <summary>
/// Every event query of the client goes through here: the logs of one contract from a start block to the node's latest
/// block, asked for in consecutive <c>eth_getLogs</c> ranges of at most <see cref="InferenceClientOptions.LogPageBlocks"/>
/// blocks, because hosted nodes refuse wider ranges and a deployment's history outgrows any one range.
/// </summary>
internal sealed class LogRangeReader
{
    private readonly JsonRpcClient _rpc;
    private readonly ulong _pageBlocks;

    public LogRangeReader(JsonRpcClient rpc, ulong pageBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfZero(pageBlocks);
        _rpc = rpc;
        _pageBlocks = pageBlocks;
    }

    /// <summary>
    /// The logs of <paramref name="contract"/> matching <paramref name="topics"/> in [<paramref name="fromBlock"/>, latest],
    /// read in contiguous ranges from <paramref name="fromBlock"/> (the last one ending exactly at the latest block),
    /// without logs a reorg removed, ordered by block and log index. When <paramref name="fromBlock"/> is past the latest
    /// block nothing is asked for and the scan is empty.
    /// </summary>
    /// <exception cref="RpcUnavailableException">The node cannot be reached.</exception>
    /// <exception cref="JsonRpcException">The node refused a range (its limit is below the page size).</exception>
    public async Task<LogScan> ReadAsync(
        Address contract,
        IReadOnlyList<IReadOnlyList<string>?> topics,
        ulong fromBlock,
        CancellationToken cancellationToken)
    {
        ulong latest = await InferenceClient.Guard(_rpc, () => _rpc.GetBlockNumberAsync(cancellationToken)).ConfigureAwait(false);
        var logs = new List<Log>();
        for (ulong from = fromBlock; from <= latest;)
        {
            ulong to = latest - from < _pageBlocks ? latest : from + _pageBlocks - 1;
            var filter = new LogFilter
            {
                Addresses = [contract],
                Topics = topics,
                FromBlock = BlockParameter.Number(from),
                ToBlock = BlockParameter.Number(to),
            };
            IReadOnlyList<Log> page = await InferenceClient.Guard(_rpc, () => _rpc.GetLogsAsync(filter, cancellationToken)).ConfigureAwait(false);
            foreach (Log log in page)
            {
                if (!log.Removed)
                {
                    logs.Add(log);
                }
            }

            if (to == latest)
            {
                break;
            }

            from = to + 1;
        }

        // The pages are in block order already; a node is not bound to order the logs within one answer.
        List<Log> ordered = [.. logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex)];
        return new LogScan(ordered, latest);
    }
}
