using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>An event log (from a receipt or <c>eth_getLogs</c>).</summary>
public sealed class Log
{
    /// <summary>The emitting contract.</summary>
    public required Address Address { get; init; }

    /// <summary>Up to four 32-byte topics (lower-case 0x-hex); topic 0 is the event signature hash for non-anonymous events.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>The non-indexed event arguments, ABI-encoded.</summary>
    public required byte[] Data { get; init; }

    /// <summary>The containing block's number; null for a pending log.</summary>
    public ulong? BlockNumber { get; init; }

    /// <summary>The containing block's hash; null for a pending log. Compare it with the chain to detect reorgs.</summary>
    public string? BlockHash { get; init; }

    /// <summary>The emitting transaction's hash.</summary>
    public string? TransactionHash { get; init; }

    /// <summary>The emitting transaction's position in the block.</summary>
    public ulong? TransactionIndex { get; init; }

    /// <summary>The log's position in the block.</summary>
    public ulong? LogIndex { get; init; }

    /// <summary>True when a reorg removed the log (filters and subscriptions report it once more with this set).</summary>
    public bool Removed { get; init; }
}
