using System.Numerics;
using Microsoft.Extensions.Logging;

namespace OpenGradient.Oracle.Transactions;

/// <summary>The sender's log messages (event ids 3000-3099).</summary>
internal static partial class TxLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Sent {Key}: tx {Hash} nonce {Nonce} maxFee {MaxFee} tip {Tip} gas {Gas}")]
    public static partial void Sent(ILogger logger, string key, string hash, ulong nonce, BigInteger maxFee, BigInteger tip, ulong gas);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "{Key} ended {Status}: tx {Hash} in block {Block}, gas {GasUsed}, error {Error}")]
    public static partial void Completed(ILogger logger, string key, TxStatus status, string? hash, ulong? block, ulong gasUsed, string? error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Key}: tx {Hash} has no receipt after {Waited}; replacing it with higher fees (maxFee {MaxFee}, tip {Tip})")]
    public static partial void Replacing(ILogger logger, string key, string hash, TimeSpan waited, BigInteger maxFee, BigInteger tip);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Resuming {Count} unfinished transaction intents after a restart")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Key}: nonce {Nonce} was used by another transaction and none of ours is mined; sending again with a new nonce")]
    public static partial void NonceTaken(ILogger logger, string key, ulong nonce);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{Key}: RPC failure while sending or watching; retrying")]
    public static partial void RpcTrouble(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "{Key}: estimation says it would revert ({Error}); not sending")]
    public static partial void WouldRevert(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "{Key}: resumed with {Attempts} recorded attempts")]
    public static partial void Resumed(ILogger logger, string key, int attempts);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "The RPC node refused tx {Hash}: {Refusal}")]
    public static partial void Refused(ILogger logger, string hash, string refusal);
}
