using Microsoft.Extensions.Logging;

namespace OpenGradient.Oracle.Chain;

/// <summary>The watcher's log messages (event ids 2000-2099).</summary>
internal static partial class ChainLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Chain watcher started on chain {ChainId} at block {Cursor} with {Confirmations} confirmations, watching {Addresses}")]
    public static partial void Started(ILogger logger, ulong chainId, ulong cursor, int confirmations, string addresses);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Critical, Message = "The RPC node reports chain id {Actual} but Chain:ChainId is {Expected}; stopping. Point Chain:RpcUrl at the right network or fix Chain:ChainId.")]
    public static partial void WrongChain(ILogger logger, ulong actual, ulong expected);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Read blocks {From}..{To}: {LogCount} logs")]
    public static partial void RangeRead(ILogger logger, ulong from, ulong to, int logCount);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Reorg detected at block {Block} (stored {StoredHash}, canonical {CanonicalHash}); rewound to block {LastGoodBlock}")]
    public static partial void Reorg(ILogger logger, ulong block, string storedHash, string canonicalHash, ulong lastGoodBlock);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Chain poll failed; retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "A log in block {Block} came from a block hash the header did not confirm (the chain moved while reading); reading the range again")]
    public static partial void InconsistentRange(ILogger logger, ulong block);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Reorg deeper than the {History} stored block hashes; rewound to block {LastGoodBlock} and will deliver the logs from there again")]
    public static partial void DeepReorg(ILogger logger, int history, ulong lastGoodBlock);
}
