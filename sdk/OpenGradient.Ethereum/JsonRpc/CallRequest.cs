using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>The transaction-like object of <c>eth_call</c> and <c>eth_estimateGas</c>; unset members are left out.</summary>
public sealed class CallRequest
{
    /// <summary>The sender (msg.sender); the node's default when null.</summary>
    public Address? From { get; init; }

    /// <summary>The contract to call; null to simulate a creation with <see cref="Data"/> as init code.</summary>
    public Address? To { get; init; }

    /// <summary>Gas limit for the simulation.</summary>
    public ulong? Gas { get; init; }

    /// <summary>Legacy gas price.</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>EIP-1559 fee cap.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip cap.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    /// <summary>Wei sent along.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>Call data.</summary>
    public ReadOnlyMemory<byte>? Data { get; init; }
}
