using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using Org.BouncyCastle.Math;

namespace OpenGradient.Ethereum.Signing;

/// <summary>
/// A secp256k1 private key with its public key and address, able to sign 32-byte hashes
/// deterministically (RFC 6979, HMAC-SHA256) with low s (EIP-2) and a correct recovery id.
/// </summary>
public sealed class EthKey
{
    private readonly BigInteger _d;
    private readonly byte[] _publicKey;

    private EthKey(BigInteger d)
    {
        _d = d;
        _publicKey = new byte[Secp256k1.PublicKeySize];
        Secp256k1.WritePublicKey(Secp256k1.MultiplyG(d), _publicKey);
        Address = Address.FromPublicKey(_publicKey);
    }

    /// <summary>The 64-byte uncompressed public key, x ‖ y (no 0x04 prefix).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The address: the last 20 bytes of Keccak-256 of <see cref="PublicKey"/>.</summary>
    public Address Address { get; }

    /// <summary>Creates a key from 32 big-endian private-key bytes.</summary>
    /// <exception cref="PrivateKeyException">Not 32 bytes, zero, or not below the curve order.</exception>
    public static EthKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != Secp256k1.ScalarSize)
        {
            throw new PrivateKeyException(
                $"A private key is 32 bytes but {privateKey.Length} were given; pass the raw key (left-pad a shorter value with zeros).");
        }

        var d = new BigInteger(1, privateKey);
        if (!Secp256k1.IsValidScalar(d))
        {
            throw new PrivateKeyException(
                "The private key is zero or not below the secp256k1 order n; it must be in [1, n − 1]. Generate a new key.");
        }

        return new EthKey(d);
    }

    /// <summary>Creates a key from 64 hex digits, with or without <c>0x</c>.</summary>
    /// <exception cref="PrivateKeyException">Not 32 bytes of hex, or out of range.</exception>
    public static EthKey Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!Hex.TryDecode(hex, out byte[] bytes))
        {
            throw new PrivateKeyException("The private key text is not hex; expected 0x followed by 64 hex digits.");
        }

        try
        {
            return FromPrivateKey(bytes);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>Creates a new key from the operating system's secure random generator.</summary>
    public static EthKey Generate()
    {
        Span<byte> buffer = stackalloc byte[Secp256k1.ScalarSize];
        Secp256k1.GeneratePrivateKey(buffer);
        EthKey key = FromPrivateKey(buffer);
        buffer.Clear();
        return key;
    }

    /// <summary>Returns a copy of the 32-byte private key. Handle it as a secret.</summary>
    public byte[] ExportPrivateKey()
    {
        var result = new byte[Secp256k1.ScalarSize];
        Secp256k1.WriteScalar(_d, result);
        return result;
    }

    /// <summary>Signs a 32-byte hash; the same key and hash always give the same signature.</summary>
    public EthSignature Sign(ReadOnlySpan<byte> hash)
    {
        EthSignature.RequireHash(hash);
        var (r, s, recoveryId) = Secp256k1.Sign(_d, hash);
        if (recoveryId > 1)
        {
            // R.x ≥ n happens with probability ~2^-128; Ethereum's v cannot express it.
            throw new SignatureException(
                "The signing point's x-coordinate exceeds the curve order, which Ethereum's v cannot express; sign a different message.");
        }

        return EthSignature.FromScalars(r, s, recoveryId);
    }

    /// <summary>Returns the address; never the private key.</summary>
    public override string ToString() => Address.ToString();
}
