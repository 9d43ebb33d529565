using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>A block header and its transactions, as <c>eth_getBlockByNumber</c>/<c>eth_getBlockByHash</c> return it.</summary>
public sealed class Block
{
    /// <summary>The block number.</summary>
    public required ulong Number { get; init; }

    /// <summary>The block hash (lower-case 0x-hex).</summary>
    public required string Hash { get; init; }

    /// <summary>The parent block's hash.</summary>
    public required string ParentHash { get; init; }

    /// <summary>Unix time in seconds.</summary>
    public required ulong Timestamp { get; init; }

    /// <summary>The EIP-1559 base fee in wei; null before London.</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>The block gas limit.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary>Gas used by all transactions in the block.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>The fee recipient.</summary>
    public required Address Miner { get; init; }

    /// <summary>The hashes of the block's transactions, in order (always filled).</summary>
    public required IReadOnlyList<string> TransactionHashes { get; init; }

    /// <summary>The full transactions, when requested with <c>fullTransactions: true</c>; empty otherwise.</summary>
    public required IReadOnlyList<RpcTransaction> Transactions { get; init; }
}
