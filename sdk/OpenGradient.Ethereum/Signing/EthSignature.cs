using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using Org.BouncyCastle.Math;

namespace OpenGradient.Ethereum.Signing;

/// <summary>
/// A secp256k1 ECDSA signature as Ethereum uses it: r, s (each 32 bytes, big-endian) and the
/// y-parity of the signing point (0 or 1; <see cref="V"/> is 27 or 28). Instances are always
/// canonical: 1 ≤ r &lt; n, 1 ≤ s ≤ n/2 (EIP-2 low s).
/// </summary>
public sealed class EthSignature : IEquatable<EthSignature>
{
    /// <summary>Length of the <c>r ‖ s ‖ v</c> form.</summary>
    public const int Size = 65;

    /// <summary>Length of the EIP-2098 compact form <c>r ‖ (yParity &lt;&lt; 255 | s)</c>.</summary>
    public const int CompactSize = 64;

    private readonly byte[] _r;
    private readonly byte[] _s;

    private EthSignature(byte[] r, byte[] s, byte yParity)
    {
        _r = r;
        _s = s;
        YParity = yParity;
    }

    /// <summary>The 32-byte big-endian r.</summary>
    public ReadOnlySpan<byte> R => _r;

    /// <summary>The 32-byte big-endian s, always in the lower half of the curve order.</summary>
    public ReadOnlySpan<byte> S => _s;

    /// <summary>The y-parity of the signing point R: 0 or 1.</summary>
    public byte YParity { get; }

    /// <summary>The legacy v: 27 + <see cref="YParity"/>.</summary>
    public byte V => (byte)(27 + YParity);

    /// <summary>
    /// Builds a signature from r, s (each 1..32 big-endian bytes) and a v of 0, 1, 27 or 28.
    /// </summary>
    /// <exception cref="SignatureException">r or s out of range, high s, or an invalid v.</exception>
    public static EthSignature FromComponents(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int v)
    {
        byte yParity = v switch
        {
            0 or 27 => 0,
            1 or 28 => 1,
            _ => throw new SignatureException(
                $"The signature's v is {v}; it must be 27 or 28 (or a y-parity of 0 or 1). An EIP-155 transaction v (chainId·2 + 35/36) belongs to the transaction decoder, not here."),
        };
        return Create(r, s, yParity);
    }

    /// <summary>Parses the 65-byte <c>r ‖ s ‖ v</c> form (v is 27, 28, 0 or 1).</summary>
    /// <exception cref="SignatureException">Wrong length or invalid contents.</exception>
    public static EthSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            string hint = bytes.Length == CompactSize ? " A 64-byte value is the EIP-2098 compact form: use FromCompactBytes." : string.Empty;
            throw new SignatureException(
                $"A signature is 65 bytes (r ‖ s ‖ v) but {bytes.Length} bytes were given.{hint}");
        }

        return FromComponents(bytes[..32], bytes[32..64], bytes[64]);
    }

    /// <summary>Parses the EIP-2098 compact form: 64 bytes, <c>r ‖ (yParity &lt;&lt; 255 | s)</c>.</summary>
    /// <exception cref="SignatureException">Wrong length or invalid contents.</exception>
    public static EthSignature FromCompactBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != CompactSize)
        {
            throw new SignatureException(
                $"A compact (EIP-2098) signature is 64 bytes but {bytes.Length} bytes were given; a 65-byte value is the r ‖ s ‖ v form: use FromBytes.");
        }

        Span<byte> s = stackalloc byte[32];
        bytes[32..].CopyTo(s);
        byte yParity = (byte)(s[0] >> 7);
        s[0] &= 0x7F;
        return Create(bytes[..32], s, yParity);
    }

    /// <summary>Parses hex of the 65-byte form or the 64-byte compact form, with or without <c>0x</c>.</summary>
    /// <exception cref="SignatureException">The text is not hex, has another length, or holds an invalid signature.</exception>
    public static EthSignature Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!Hex.TryDecode(hex, out byte[] bytes))
        {
            throw new SignatureException(
                "The signature text is not hex; expected 0x followed by 130 hex digits (r ‖ s ‖ v) or 128 (compact).");
        }

        return bytes.Length == CompactSize ? FromCompactBytes(bytes) : FromBytes(bytes);
    }

    /// <summary>Returns the 65-byte <c>r ‖ s ‖ v</c> form with v = 27 or 28.</summary>
    public byte[] ToBytes()
    {
        var result = new byte[Size];
        _r.CopyTo(result, 0);
        _s.CopyTo(result, 32);
        result[64] = V;
        return result;
    }

    /// <summary>Returns the 64-byte EIP-2098 compact form.</summary>
    public byte[] ToCompactBytes()
    {
        var result = new byte[CompactSize];
        _r.CopyTo(result, 0);
        _s.CopyTo(result, 32);
        result[32] |= (byte)(YParity << 7);
        return result;
    }

    /// <summary>Recovers the 64-byte uncompressed public key (x ‖ y) that signed <paramref name="hash"/>.</summary>
    /// <exception cref="SignatureException">No key can have produced this signature for this hash.</exception>
    public byte[] RecoverPublicKey(ReadOnlySpan<byte> hash)
    {
        RequireHash(hash);
        var point = Secp256k1.Recover(hash, new BigInteger(1, _r), new BigInteger(1, _s), YParity);
        if (point is null)
        {
            throw new SignatureException(
                "The signature's r is not the x-coordinate of any point on secp256k1, so no key can have made it; the signature is corrupt.");
        }

        var result = new byte[Secp256k1.PublicKeySize];
        Secp256k1.WritePublicKey(point, result);
        return result;
    }

    /// <summary>Recovers the address of the key that signed the 32-byte <paramref name="hash"/>.</summary>
    /// <exception cref="SignatureException">No key can have produced this signature for this hash.</exception>
    public Address RecoverAddress(ReadOnlySpan<byte> hash) => Address.FromPublicKey(RecoverPublicKey(hash));

    /// <summary>Returns the 65-byte form as 0x-prefixed hex.</summary>
    public override string ToString() => Hex.Encode(ToBytes());

    /// <inheritdoc/>
    public bool Equals(EthSignature? other) =>
        other is not null && YParity == other.YParity && R.SequenceEqual(other.R) && S.SequenceEqual(other.S);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EthSignature);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BitConverter.ToInt32(_r, 28), BitConverter.ToInt32(_s, 28), YParity);

    internal static EthSignature FromScalars(BigInteger r, BigInteger s, byte yParity)
    {
        var rBytes = new byte[32];
        var sBytes = new byte[32];
        Secp256k1.WriteScalar(r, rBytes);
        Secp256k1.WriteScalar(s, sBytes);
        return new EthSignature(rBytes, sBytes, yParity);
    }

    internal static void RequireHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException(
                $"A signed hash is 32 bytes but {hash.Length} were given; hash the message first (Keccak-256, EIP-191 or EIP-712).",
                nameof(hash));
        }
    }

    private static EthSignature Create(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, byte yParity)
    {
        if (r.Length is 0 or > 32 || s.Length is 0 or > 32)
        {
            throw new SignatureException(
                $"r and s are 1 to 32 bytes each but r has {r.Length} and s has {s.Length}.");
        }

        var rValue = new BigInteger(1, r);
        var sValue = new BigInteger(1, s);
        if (!Secp256k1.IsValidScalar(rValue))
        {
            throw new SignatureException(
                "The signature's r is zero or not below the curve order n; the signature is corrupt.");
        }

        if (!Secp256k1.IsValidScalar(sValue))
        {
            throw new SignatureException(
                "The signature's s is zero or not below the curve order n; the signature is corrupt.");
        }

        if (sValue.CompareTo(Secp256k1.HalfN) > 0)
        {
            throw new SignatureException(
                "The signature has a high s (s > n/2), which Ethereum rejects since EIP-2; normalise it to s' = n − s and flip v (27 ↔ 28), or re-sign with a low-s signer.");
        }

        return FromScalars(rValue, sValue, yParity);
    }
}
