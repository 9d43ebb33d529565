using System.Numerics;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// An unsigned transaction of any supported type. Set the fields the type uses and leave the others
/// at zero: <see cref="GasPrice"/> for <see cref="TransactionType.Legacy"/> and
/// <see cref="TransactionType.AccessList"/>; <see cref="MaxPriorityFeePerGas"/> and
/// <see cref="MaxFeePerGas"/> for <see cref="TransactionType.DynamicFee"/> (the default type).
/// A legacy transaction with a <see cref="ChainId"/> is signed per EIP-155; without one it is a
/// replayable pre-EIP-155 transaction. Typed transactions require a chain id.
/// </summary>
public sealed class Transaction : IEquatable<Transaction>
{
    /// <summary>The envelope type.</summary>
    public TransactionType Type { get; init; } = TransactionType.DynamicFee;

    /// <summary>The chain id; null only for a pre-EIP-155 legacy transaction.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>The sender's nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>Gas price in wei (legacy and EIP-2930 only).</summary>
    public BigInteger GasPrice { get; init; }

    /// <summary>Priority fee (tip) per gas in wei (EIP-1559 only).</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Maximum total fee per gas in wei (EIP-1559 only).</summary>
    public BigInteger MaxFeePerGas { get; init; }

    /// <summary>Gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Value in wei.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or init code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The EIP-2930 access list (typed transactions only).</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>
    /// Returns the bytes whose Keccak-256 is signed: for legacy the RLP list (with chainId, 0, 0
    /// appended under EIP-155), for typed transactions the type byte followed by the RLP list.
    /// This is also the unsigned serialization viem and ethers produce.
    /// </summary>
    /// <exception cref="InvalidTransactionException">The fields do not fit the type.</exception>
    public byte[] GetSigningPayload() => TransactionEncoder.Encode(this, null);

    /// <summary>Returns the 32-byte hash a sender signs.</summary>
    /// <exception cref="InvalidTransactionException">The fields do not fit the type.</exception>
    public byte[] GetSigningHash() => TransactionEncoder.SigningHash(this);

    /// <summary>Signs the transaction with <paramref name="key"/>.</summary>
    /// <exception cref="InvalidTransactionException">The fields do not fit the type.</exception>
    public SignedTransaction Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SignedTransaction(this, key.Sign(GetSigningHash()));
    }

    /// <inheritdoc/>
    public bool Equals(Transaction? other)
    {
        if (other is null)
        {
            return false;
        }

        if (Type != other.Type || ChainId != other.ChainId || Nonce != other.Nonce || GasPrice != other.GasPrice
            || MaxPriorityFeePerGas != other.MaxPriorityFeePerGas || MaxFeePerGas != other.MaxFeePerGas
            || GasLimit != other.GasLimit || To != other.To || Value != other.Value
            || !Data.Span.SequenceEqual(other.Data.Span) || AccessList.Count != other.AccessList.Count)
        {
            return false;
        }

        for (int i = 0; i < AccessList.Count; i++)
        {
            if (!AccessList[i].Equals(other.AccessList[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Transaction);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, ChainId, Nonce, GasLimit, To, Value, Data.Length);

    /// <summary>A short description for logs (never the data bytes).</summary>
    public override string ToString() =>
        $"{Type} tx chain={ChainId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} nonce={Nonce} to={To?.ToString() ?? "(create)"} value={Value} gas={GasLimit} data={Data.Length} bytes";
}
