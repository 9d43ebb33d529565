using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The outcome of a mined transaction (<c>eth_getTransactionReceipt</c>).</summary>
public sealed class TransactionReceipt
{
    /// <summary>The transaction hash.</summary>
    public required string TransactionHash { get; init; }

    /// <summary>The position in the block.</summary>
    public required ulong TransactionIndex { get; init; }

    /// <summary>The containing block's hash.</summary>
    public required string BlockHash { get; init; }

    /// <summary>The containing block's number.</summary>
    public required ulong BlockNumber { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient; null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>The created contract's address, for a creation.</summary>
    public Address? ContractAddress { get; init; }

    /// <summary>1 for success, 0 for a revert; null for pre-Byzantium receipts (which carry a state root instead).</summary>
    public ulong? Status { get; init; }

    /// <summary>Whether the transaction succeeded (<see cref="Status"/> is 1).</summary>
    public bool Succeeded => Status == 1;

    /// <summary>Gas used by this transaction.</summary>
    public required ulong GasUsed { get; init; }

    /// <summary>Gas used by this and all earlier transactions of the block.</summary>
    public required ulong CumulativeGasUsed { get; init; }

    /// <summary>The price per gas actually paid, in wei (base fee + tip for 1559).</summary>
    public required BigInteger EffectiveGasPrice { get; init; }

    /// <summary>The EIP-2718 type.</summary>
    public required ulong Type { get; init; }

    /// <summary>The logs the transaction emitted, in order.</summary>
    public required IReadOnlyList<Log> Logs { get; init; }
}
