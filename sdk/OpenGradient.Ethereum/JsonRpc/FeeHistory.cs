using System.Numerics;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>Recent base fees, block fullness and tip percentiles (<c>eth_feeHistory</c>).</summary>
public sealed class FeeHistory
{
    /// <summary>The first block of the range.</summary>
    public required ulong OldestBlock { get; init; }

    /// <summary>Base fee per block of the range, plus one more: the next block's base fee.</summary>
    public required IReadOnlyList<BigInteger> BaseFeePerGas { get; init; }

    /// <summary>Gas used / gas limit per block.</summary>
    public required IReadOnlyList<double> GasUsedRatio { get; init; }

    /// <summary>Per block, the tips at the requested percentiles; empty when no percentiles were asked for.</summary>
    public required IReadOnlyList<IReadOnlyList<BigInteger>> Reward { get; init; }
}
