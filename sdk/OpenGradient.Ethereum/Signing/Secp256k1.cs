using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace OpenGradient.Ethereum.Signing;

/// <summary>
/// The secp256k1 arithmetic behind keys, signing and recovery. The curve comes from BouncyCastle's
/// custom (specialised field) implementation, looked up once; the generator keeps its fixed-point
/// comb table, so every multiplication by G after the first reuses it.
/// </summary>
internal static class Secp256k1
{
    internal const int ScalarSize = 32;
    internal const int PublicKeySize = 64;

    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");

    internal static readonly ECCurve Curve = Parameters.Curve;
    internal static readonly ECPoint G = Parameters.G;
    internal static readonly BigInteger N = Parameters.N;
    internal static readonly BigInteger HalfN = N.ShiftRight(1);
    internal static readonly BigInteger P = Curve.Field.Characteristic;

    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    static Secp256k1()
    {
        // Build the comb table now rather than inside the first caller's timing.
        _ = BaseMultiplier.Multiply(G, BigInteger.One);
    }

    /// <summary>Multiplies the generator by <paramref name="k"/> and returns the normalised point.</summary>
    internal static ECPoint MultiplyG(BigInteger k) => BaseMultiplier.Multiply(G, k).Normalize();

    /// <summary>True when <paramref name="d"/> is a valid private scalar, 1 ≤ d &lt; n.</summary>
    internal static bool IsValidScalar(BigInteger d) => d.SignValue > 0 && d.CompareTo(N) < 0;

    /// <summary>Writes the 64-byte uncompressed public key (x ‖ y, no 0x04 prefix) of a normalised point.</summary>
    internal static void WritePublicKey(ECPoint q, Span<byte> destination)
    {
        WriteScalar(q.AffineXCoord.ToBigInteger(), destination[..32]);
        WriteScalar(q.AffineYCoord.ToBigInteger(), destination[32..64]);
    }

    /// <summary>Writes a non-negative integer below 2^256 as 32 big-endian bytes.</summary>
    internal static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        int length = value.GetLengthofByteArrayUnsigned();
        destination[..(32 - length)].Clear();
        value.ToByteArrayUnsigned(destination[(32 - length)..32]);
    }

    /// <summary>
    /// Signs a 32-byte hash deterministically (RFC 6979 with HMAC-SHA256), returns r, s with s
    /// in the lower half of the order (EIP-2), and the recovery id of the normalised signature.
    /// </summary>
    internal static (BigInteger R, BigInteger S, byte RecoveryId) Sign(BigInteger d, ReadOnlySpan<byte> hash)
    {
        var e = new BigInteger(1, hash);
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(N, d, hash.ToArray());
        while (true)
        {
            BigInteger k = kCalculator.NextK();
            ECPoint point = MultiplyG(k);
            BigInteger x = point.AffineXCoord.ToBigInteger();
            BigInteger r = x.Mod(N);
            if (r.SignValue == 0)
            {
                continue;
            }

            BigInteger s = BigIntegers.ModOddInverse(N, k).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0)
            {
                continue;
            }

            int recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // Negating s is signing with -k, whose point has the opposite y.
                s = N.Subtract(s);
                recoveryId ^= 1;
            }

            return (r, s, (byte)recoveryId);
        }
    }

    /// <summary>
    /// Recovers the public key point from a hash and (r, s, recovery id); null when no point
    /// exists for these values (the caller turns that into a typed error).
    /// </summary>
    internal static ECPoint? Recover(ReadOnlySpan<byte> hash, BigInteger r, BigInteger s, int recoveryId)
    {
        BigInteger x = (recoveryId & 2) != 0 ? r.Add(N) : r;
        if (x.CompareTo(P) >= 0)
        {
            return null;
        }

        Span<byte> encoded = stackalloc byte[33];
        encoded[0] = (byte)(0x02 | (recoveryId & 1));
        WriteScalar(x, encoded[1..]);
        ECPoint rPoint;
        try
        {
            rPoint = Curve.DecodePoint(encoded.ToArray());
        }
        catch (ArgumentException)
        {
            // x has no square root on the curve: no point R exists.
            return null;
        }

        // Q = r⁻¹ (s·R − e·G) = (r⁻¹·s)·R + (−e·r⁻¹)·G
        var e = new BigInteger(1, hash);
        BigInteger rInv = BigIntegers.ModOddInverse(N, r);
        BigInteger u1 = N.Subtract(e).Multiply(rInv).Mod(N);
        BigInteger u2 = s.Multiply(rInv).Mod(N);
        ECPoint q = ECAlgorithms.SumOfTwoMultiplies(G, u1, rPoint, u2).Normalize();
        return q.IsInfinity ? null : q;
    }

    /// <summary>Fills <paramref name="destination"/> with a fresh random valid private key.</summary>
    internal static void GeneratePrivateKey(Span<byte> destination)
    {
        while (true)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(destination[..32]);
            if (IsValidScalar(new BigInteger(1, destination[..32])))
            {
                return;
            }
        }
    }
}
