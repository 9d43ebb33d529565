using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace OpenGradient.Ethereum.Hashing;

/// <summary>
/// The Keccak-f[1600] permutation and sponge steps shared by <see cref="Keccak256"/> and
/// <see cref="Keccak256Hasher"/>. The state is 25 little-endian 64-bit lanes, lane (x, y) at x + 5y.
/// </summary>
internal static class KeccakCore
{
    /// <summary>Rate of Keccak-256 in bytes (1600 - 2·256 bits).</summary>
    public const int Rate = 136;

    public const int RateLanes = Rate / 8;

    public const int StateLanes = 25;

    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>XORs one 136-byte block into the state and permutes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AbsorbBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < RateLanes; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8, 8));
        }

        Permute(state);
    }

    /// <summary>
    /// Absorbs the final partial block (<paramref name="tail"/>, shorter than the rate) with the original Keccak
    /// padding (0x01 … 0x80, not SHA-3's 0x06) and writes the 32-byte digest.
    /// </summary>
    public static void Finish(Span<ulong> state, ReadOnlySpan<byte> tail, Span<byte> destination)
    {
        Span<byte> last = stackalloc byte[Rate];
        tail.CopyTo(last);
        last[tail.Length..].Clear();
        last[tail.Length] ^= 0x01;
        last[Rate - 1] ^= 0x80;
        AbsorbBlock(state, last);
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(i * 8, 8), state[i]);
        }
    }

    /// <summary>Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota on local lanes.</summary>
    [SkipLocalsInit]
    public static void Permute(Span<ulong> state)
    {
        if (state.Length < StateLanes)
        {
            throw new ArgumentException("The Keccak state has 25 lanes.", nameof(state));
        }

        ulong a00 = state[0];
        ulong a10 = state[1];
        ulong a20 = state[2];
        ulong a30 = state[3];
        ulong a40 = state[4];
        ulong a01 = state[5];
        ulong a11 = state[6];
        ulong a21 = state[7];
        ulong a31 = state[8];
        ulong a41 = state[9];
        ulong a02 = state[10];
        ulong a12 = state[11];
        ulong a22 = state[12];
        ulong a32 = state[13];
        ulong a42 = state[14];
        ulong a03 = state[15];
        ulong a13 = state[16];
        ulong a23 = state[17];
        ulong a33 = state[18];
        ulong a43 = state[19];
        ulong a04 = state[20];
        ulong a14 = state[21];
        ulong a24 = state[22];
        ulong a34 = state[23];
        ulong a44 = state[24];

        for (int round = 0; round < 24; round++)
        {
            ulong c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
            ulong c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
            ulong c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
            ulong c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
            ulong c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
            ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            ulong b00 = a00 ^ d0;
            ulong b13 = BitOperations.RotateLeft(a01 ^ d0, 36);
            ulong b21 = BitOperations.RotateLeft(a02 ^ d0, 3);
            ulong b34 = BitOperations.RotateLeft(a03 ^ d0, 41);
            ulong b42 = BitOperations.RotateLeft(a04 ^ d0, 18);
            ulong b02 = BitOperations.RotateLeft(a10 ^ d1, 1);
            ulong b10 = BitOperations.RotateLeft(a11 ^ d1, 44);
            ulong b23 = BitOperations.RotateLeft(a12 ^ d1, 10);
            ulong b31 = BitOperations.RotateLeft(a13 ^ d1, 45);
            ulong b44 = BitOperations.RotateLeft(a14 ^ d1, 2);
            ulong b04 = BitOperations.RotateLeft(a20 ^ d2, 62);
            ulong b12 = BitOperations.RotateLeft(a21 ^ d2, 6);
            ulong b20 = BitOperations.RotateLeft(a22 ^ d2, 43);
            ulong b33 = BitOperations.RotateLeft(a23 ^ d2, 15);
            ulong b41 = BitOperations.RotateLeft(a24 ^ d2, 61);
            ulong b01 = BitOperations.RotateLeft(a30 ^ d3, 28);
            ulong b14 = BitOperations.RotateLeft(a31 ^ d3, 55);
            ulong b22 = BitOperations.RotateLeft(a32 ^ d3, 25);
            ulong b30 = BitOperations.RotateLeft(a33 ^ d3, 21);
            ulong b43 = BitOperations.RotateLeft(a34 ^ d3, 56);
            ulong b03 = BitOperations.RotateLeft(a40 ^ d4, 27);
            ulong b11 = BitOperations.RotateLeft(a41 ^ d4, 20);
            ulong b24 = BitOperations.RotateLeft(a42 ^ d4, 39);
            ulong b32 = BitOperations.RotateLeft(a43 ^ d4, 8);
            ulong b40 = BitOperations.RotateLeft(a44 ^ d4, 14);
            a00 = b00 ^ (~b10 & b20);
            a10 = b10 ^ (~b20 & b30);
            a20 = b20 ^ (~b30 & b40);
            a30 = b30 ^ (~b40 & b00);
            a40 = b40 ^ (~b00 & b10);
            a01 = b01 ^ (~b11 & b21);
            a11 = b11 ^ (~b21 & b31);
            a21 = b21 ^ (~b31 & b41);
            a31 = b31 ^ (~b41 & b01);
            a41 = b41 ^ (~b01 & b11);
            a02 = b02 ^ (~b12 & b22);
            a12 = b12 ^ (~b22 & b32);
            a22 = b22 ^ (~b32 & b42);
            a32 = b32 ^ (~b42 & b02);
            a42 = b42 ^ (~b02 & b12);
            a03 = b03 ^ (~b13 & b23);
            a13 = b13 ^ (~b23 & b33);
            a23 = b23 ^ (~b33 & b43);
            a33 = b33 ^ (~b43 & b03);
            a43 = b43 ^ (~b03 & b13);
            a04 = b04 ^ (~b14 & b24);
            a14 = b14 ^ (~b24 & b34);
            a24 = b24 ^ (~b34 & b44);
            a34 = b34 ^ (~b44 & b04);
            a44 = b44 ^ (~b04 & b14);
            a00 ^= RoundConstants[round];
        }


        state[0] = a00;
        state[1] = a10;
        state[2] = a20;
        state[3] = a30;
        state[4] = a40;
        state[5] = a01;
        state[6] = a11;
        state[7] = a21;
        state[8] = a31;
        state[9] = a41;
        state[10] = a02;
        state[11] = a12;
        state[12] = a22;
        state[13] = a32;
        state[14] = a42;
        state[15] = a03;
        state[16] = a13;
        state[17] = a23;
        state[18] = a33;
        state[19] = a43;
        state[20] = a04;
        state[21] = a14;
        state[22] = a24;
        state[23] = a34;
        state[24] = a44;
    }
}
