using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// A transaction with its signature: encodes to the raw bytes <c>eth_sendRawTransaction</c> takes,
/// decodes them strictly, and recovers the sender.
/// </summary>
public sealed class SignedTransaction : IEquatable<SignedTransaction>
{
    private byte[]? _encoded;
    private Address? _sender;

    /// <summary>Pairs a transaction with its signature (no check that they belong together: see <see cref="RecoverSender"/>).</summary>
    public SignedTransaction(Transaction transaction, EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(signature);
        Transaction = transaction;
        Signature = signature;
    }

    /// <summary>The unsigned transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>The sender's signature over <see cref="Transaction.GetSigningHash"/>.</summary>
    public EthSignature Signature { get; }

    /// <summary>
    /// Decodes raw signed transaction bytes (legacy, EIP-2930 or EIP-1559). When
    /// <paramref name="expectedChainId"/> is given, a transaction for another chain, or a
    /// pre-EIP-155 one for no chain, is rejected.
    /// </summary>
    /// <exception cref="TransactionDecodingException">The bytes are not a valid signed transaction.</exception>
    /// <exception cref="ChainIdMismatchException">The chain id is not <paramref name="expectedChainId"/>.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> encoded, ulong? expectedChainId = null)
    {
        SignedTransaction transaction = TransactionDecoder.Decode(encoded);
        if (expectedChainId is { } expected && transaction.Transaction.ChainId != expected)
        {
            throw new ChainIdMismatchException(expected, transaction.Transaction.ChainId);
        }

        return transaction;
    }

    /// <summary>Decodes 0x-prefixed hex of a raw signed transaction; see <see cref="Decode"/>.</summary>
    /// <exception cref="TransactionDecodingException">The text is not hex or not a valid signed transaction.</exception>
    /// <exception cref="ChainIdMismatchException">The chain id is not <paramref name="expectedChainId"/>.</exception>
    public static SignedTransaction Parse(string hex, ulong? expectedChainId = null)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!Hex.TryDecode(hex, out byte[] bytes))
        {
            throw new TransactionDecodingException("The raw transaction text is not hex; expected 0x followed by an even number of hex digits.");
        }

        return Decode(bytes, expectedChainId);
    }

    /// <summary>Returns the raw bytes to broadcast (a copy).</summary>
    public byte[] Encode() => (byte[])Encoded.Clone();

    /// <summary>Returns the raw bytes as 0x-prefixed hex.</summary>
    public string ToHex() => Hex.Encode(Encoded);

    /// <summary>The transaction hash: Keccak-256 of the raw bytes.</summary>
    public byte[] GetHash() => Keccak256.Hash(Encoded);

    /// <summary>Recovers the sender's address from the signature.</summary>
    /// <exception cref="SignatureException">No key can have produced the signature for this transaction.</exception>
    public Address RecoverSender() => _sender ??= Signature.RecoverAddress(Transaction.GetSigningHash());

    /// <inheritdoc/>
    public bool Equals(SignedTransaction? other) =>
        other is not null && Transaction.Equals(other.Transaction) && Signature.Equals(other.Signature);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignedTransaction);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Transaction, Signature);

    /// <inheritdoc/>
    public override string ToString() => $"{Transaction} signed";

    private byte[] Encoded => _encoded ??= TransactionEncoder.Encode(Transaction, Signature);
}
