using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Oracle.Chain;

/// <summary>
/// A confirmed contract log, in chain order, as the <see cref="ChainWatcher"/> hands it to the consumer. The consumer handles
/// it durably (commits its own state, idempotently: a log can be delivered again after a crash or a deep reorg) and then
/// calls <see cref="Acknowledge"/>. The watcher advances its cursor past a block only after every log of that block is
/// acknowledged, so no log is lost across restarts. Deduplicate with <see cref="Id"/>.
/// </summary>
internal sealed class ObservedLog
{
    private readonly BlockAcknowledgement _block;
    private int _acknowledged;

    internal ObservedLog(Log log, ulong blockNumber, string blockHash, ulong blockTimestamp, int indexInBlock, BlockAcknowledgement block)
    {
        Log = log;
        BlockNumber = blockNumber;
        BlockHash = blockHash;
        BlockTimestamp = blockTimestamp;
        TransactionHash = log.TransactionHash ?? string.Empty;
        LogIndex = log.LogIndex ?? 0;
        IndexInBlock = indexInBlock;
        _block = block;
    }

    /// <summary>The raw log (address, topics, data).</summary>
    public Log Log { get; }

    /// <summary>The block the log is in.</summary>
    public ulong BlockNumber { get; }

    /// <summary>That block's hash (0x-hex, lower case).</summary>
    public string BlockHash { get; }

    /// <summary>That block's timestamp (unix seconds): the chain time the hub saw when it emitted the log.</summary>
    public ulong BlockTimestamp { get; }

    /// <summary>The transaction that emitted the log.</summary>
    public string TransactionHash { get; }

    /// <summary>The log's index in its block.</summary>
    public ulong LogIndex { get; }

    /// <summary>The position of this log among the delivered logs of its block (0-based).</summary>
    public int IndexInBlock { get; }

    /// <summary>How many logs of this block are delivered.</summary>
    public int CountInBlock => _block.Count;

    /// <summary>A unique id of this log on this chain branch: <c>blockHash:logIndex</c>.</summary>
    public string Id => $"{BlockHash}:{LogIndex}";

    /// <summary>Marks the log as durably handled. Idempotent.</summary>
    public void Acknowledge()
    {
        if (Interlocked.Exchange(ref _acknowledged, 1) == 0)
        {
            _block.Signal();
        }
    }
}
