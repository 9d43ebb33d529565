using System.Numerics;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>
/// Optional settings of a transaction sent by <see cref="Web3"/>; anything left null is taken from the node
/// (pending nonce, fee suggestion, gas estimate).
/// </summary>
public sealed class TransactionOptions
{
    /// <summary>Wei to send along.</summary>
    public BigInteger Value { get; init; }

    /// <summary>A fixed gas limit; skips estimation (and so lets a reverting transaction be mined).</summary>
    public ulong? GasLimit { get; init; }

    /// <summary>The EIP-1559 fee cap; default twice the latest base fee plus the tip.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>The EIP-1559 tip; default the node's <c>eth_maxPriorityFeePerGas</c>.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>A fixed nonce; default the sender's pending nonce.</summary>
    public ulong? Nonce { get; init; }

    /// <summary>How long to wait for the receipt; default <see cref="JsonRpc.JsonRpcClientOptions.ReceiptTimeout"/>.</summary>
    public TimeSpan? ReceiptTimeout { get; init; }
}
