using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>A transaction as the node reports it (<c>eth_getTransactionByHash</c>, full blocks).</summary>
public sealed class RpcTransaction
{
    /// <summary>The transaction hash.</summary>
    public required string Hash { get; init; }

    /// <summary>The EIP-2718 type: 0 legacy, 1 access list, 2 EIP-1559, 3 blob, 4 set-code.</summary>
    public required ulong Type { get; init; }

    /// <summary>The sender's nonce.</summary>
    public required ulong Nonce { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient; null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Wei transferred.</summary>
    public required BigInteger Value { get; init; }

    /// <summary>Call data (or init code for a creation).</summary>
    public required byte[] Input { get; init; }

    /// <summary>The gas limit.</summary>
    public required ulong Gas { get; init; }

    /// <summary>The gas price (legacy/2930), or the effective price some nodes report for 1559 transactions.</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>The EIP-1559 fee cap.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>The EIP-1559 tip cap.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>The chain id the transaction was signed for; null for a pre-EIP-155 legacy transaction.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>The containing block's hash; null while pending.</summary>
    public string? BlockHash { get; init; }

    /// <summary>The containing block's number; null while pending.</summary>
    public ulong? BlockNumber { get; init; }

    /// <summary>The position in the block; null while pending.</summary>
    public ulong? TransactionIndex { get; init; }
}
