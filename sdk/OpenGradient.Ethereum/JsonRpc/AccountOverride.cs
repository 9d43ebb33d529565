using System.Numerics;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Temporary changes to one account for a single <c>eth_call</c> (the state-override set supported by geth,
/// Hardhat and most providers). Unset members are left as they are on chain.
/// </summary>
public sealed class AccountOverride
{
    /// <summary>Replacement balance in wei.</summary>
    public BigInteger? Balance { get; init; }

    /// <summary>Replacement nonce.</summary>
    public ulong? Nonce { get; init; }

    /// <summary>Replacement runtime code.</summary>
    public ReadOnlyMemory<byte>? Code { get; init; }

    /// <summary>Replaces the whole storage with these slots (32-byte hex slot → 32-byte hex value).</summary>
    public IReadOnlyDictionary<string, string>? State { get; init; }

    /// <summary>Changes only these slots, keeping the rest.</summary>
    public IReadOnlyDictionary<string, string>? StateDiff { get; init; }
}
