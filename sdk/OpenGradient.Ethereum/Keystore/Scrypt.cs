using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace OpenGradient.Ethereum.Keystore;

/// <summary>
/// scrypt (RFC 7914). Written here rather than taken from BouncyCastle because BouncyCastle enforces
/// RFC 7914's N &lt; 2^(16·r), which the Web3 Secret Storage scrypt vector itself (n = 2^18, r = 1)
/// and keystores written by geth and ethers with such settings break; every wallet accepts them.
/// </summary>
internal static class Scrypt
{
    internal static byte[] Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, int length)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "scrypt's N must be a power of two greater than 1.");
        }

        if (r < 1 || p < 1 || (long)r * p >= 1 << 30)
        {
            throw new ArgumentOutOfRangeException(nameof(r), r, "scrypt's r and p must be at least 1 and r·p < 2^30.");
        }

        int blockWords = 32 * r;
        byte[] b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * 128 * r);
        var x = new uint[blockWords];
        var scratch = new uint[blockWords];
        var v = new uint[(long)blockWords * n];
        try
        {
            for (int i = 0; i < p; i++)
            {
                Span<byte> chunk = b.AsSpan(i * 128 * r, 128 * r);
                for (int w = 0; w < blockWords; w++)
                {
                    x[w] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(4 * w)..]);
                }

                RoMix(x, v, scratch, n, r);
                for (int w = 0; w < blockWords; w++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(chunk[(4 * w)..], x[w]);
                }
            }

            return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(b);
            Array.Clear(x);
            Array.Clear(v);
        }
    }

    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int n, int r)
    {
        int blockWords = 32 * r;
        for (int i = 0; i < n; i++)
        {
            x.CopyTo(v, i * blockWords);
            BlockMix(x, scratch, r);
        }

        int mask = n - 1;
        for (int i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte sub-block, little-endian.
            int j = (int)(x[blockWords - 16] & (uint)mask);
            Span<uint> vj = v.AsSpan(j * blockWords, blockWords);
            for (int w = 0; w < blockWords; w++)
            {
                x[w] ^= vj[w];
            }

            BlockMix(x, scratch, r);
        }
    }

    /// <summary>scryptBlockMix with Salsa20/8; even sub-blocks go to the first half of the output, odd to the second.</summary>
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (int i = 0; i < 2 * r; i++)
        {
            Span<uint> bi = b.AsSpan(i * 16, 16);
            for (int w = 0; w < 16; w++)
            {
                t[w] ^= bi[w];
            }

            Salsa208(t);
            int target = ((i & 1) * r + (i >> 1)) * 16;
            t.CopyTo(y.AsSpan(target, 16));
        }

        y.AsSpan(0, 32 * r).CopyTo(b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Salsa208(Span<uint> block)
    {
        uint x0 = block[0], x1 = block[1], x2 = block[2], x3 = block[3];
        uint x4 = block[4], x5 = block[5], x6 = block[6], x7 = block[7];
        uint x8 = block[8], x9 = block[9], x10 = block[10], x11 = block[11];
        uint x12 = block[12], x13 = block[13], x14 = block[14], x15 = block[15];
        for (int i = 0; i < 8; i += 2)
        {
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7); x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13); x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7); x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13); x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7); x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13); x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7); x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13); x15 ^= BitOperations.RotateLeft(x11 + x7, 18);
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7); x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13); x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7); x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13); x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7); x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13); x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7); x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13); x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }

        block[0] += x0; block[1] += x1; block[2] += x2; block[3] += x3;
        block[4] += x4; block[5] += x5; block[6] += x6; block[7] += x7;
        block[8] += x8; block[9] += x9; block[10] += x10; block[11] += x11;
        block[12] += x12; block[13] += x13; block[14] += x14; block[15] += x15;
    }
}
