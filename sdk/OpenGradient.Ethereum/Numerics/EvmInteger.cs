using System.Numerics;

namespace OpenGradient.Ethereum.Numerics;

/// <summary>
/// Conversions between <see cref="BigInteger"/> and the EVM's 32-byte big-endian words:
/// <c>uintN</c> as plain unsigned values, <c>intN</c> in two's complement (sign-extended to 256 bits),
/// with range checks for every width N (8, 16, …, 256).
/// </summary>
public static class EvmInteger
{
    /// <summary>Size of an EVM word in bytes.</summary>
    public const int WordSize = 32;

    private static readonly BigInteger[] UnsignedMax = BuildTable(bits => (BigInteger.One << bits) - 1);
    private static readonly BigInteger[] SignedMax = BuildTable(bits => (BigInteger.One << (bits - 1)) - 1);
    private static readonly BigInteger[] SignedMin = BuildTable(bits => -(BigInteger.One << (bits - 1)));
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    /// <summary>2^256 - 1, the largest uint256.</summary>
    public static BigInteger UInt256Max => UnsignedMax[32];

    /// <summary>2^255 - 1, the largest int256.</summary>
    public static BigInteger Int256Max => SignedMax[32];

    /// <summary>-2^255, the smallest int256.</summary>
    public static BigInteger Int256Min => SignedMin[32];

    /// <summary>Largest value of <c>uint{bits}</c>.</summary>
    public static BigInteger MaxUnsigned(int bits) => UnsignedMax[CheckBits(bits)];

    /// <summary>Largest value of <c>int{bits}</c>.</summary>
    public static BigInteger MaxSigned(int bits) => SignedMax[CheckBits(bits)];

    /// <summary>Smallest value of <c>int{bits}</c>.</summary>
    public static BigInteger MinSigned(int bits) => SignedMin[CheckBits(bits)];

    /// <summary>True when <paramref name="value"/> fits <c>uint{bits}</c>.</summary>
    public static bool FitsUnsigned(in BigInteger value, int bits) => value.Sign >= 0 && value <= UnsignedMax[CheckBits(bits)];

    /// <summary>True when <paramref name="value"/> fits <c>int{bits}</c>.</summary>
    public static bool FitsSigned(in BigInteger value, int bits)
    {
        int index = CheckBits(bits);
        return value >= SignedMin[index] && value <= SignedMax[index];
    }

    /// <summary>Writes a <c>uint{bits}</c> value as a 32-byte big-endian word.</summary>
    /// <exception cref="IntegerRangeException">The value is negative or too large for <c>uint{bits}</c>.</exception>
    public static void WriteUnsigned(in BigInteger value, Span<byte> word, int bits = 256)
    {
        if (!FitsUnsigned(value, bits))
        {
            throw new IntegerRangeException(
                $"{value} does not fit uint{bits} (0 … 2^{bits}-1); pass a value in range or use a wider type.");
        }

        WriteWord(value, word);
    }

    /// <summary>Writes an <c>int{bits}</c> value as a 32-byte two's-complement word (sign-extended to 256 bits).</summary>
    /// <exception cref="IntegerRangeException">The value is outside the range of <c>int{bits}</c>.</exception>
    public static void WriteSigned(in BigInteger value, Span<byte> word, int bits = 256)
    {
        if (!FitsSigned(value, bits))
        {
            throw new IntegerRangeException(
                $"{value} does not fit int{bits} (-2^{bits - 1} … 2^{bits - 1}-1); pass a value in range or use a wider type.");
        }

        WriteWord(value, word);
    }

    /// <summary>Returns the 32-byte word of a <c>uint256</c>.</summary>
    public static byte[] ToUnsignedWord(in BigInteger value)
    {
        var word = new byte[WordSize];
        WriteUnsigned(value, word);
        return word;
    }

    /// <summary>Returns the 32-byte two's-complement word of an <c>int256</c>.</summary>
    public static byte[] ToSignedWord(in BigInteger value)
    {
        var word = new byte[WordSize];
        WriteSigned(value, word);
        return word;
    }

    /// <summary>Reads a 32-byte big-endian word as an unsigned integer.</summary>
    public static BigInteger ReadUnsigned(ReadOnlySpan<byte> word) =>
        new(CheckWord(word), isUnsigned: true, isBigEndian: true);

    /// <summary>Reads a 32-byte big-endian word as a two's-complement signed integer.</summary>
    public static BigInteger ReadSigned(ReadOnlySpan<byte> word) =>
        new(CheckWord(word), isUnsigned: false, isBigEndian: true);

    /// <summary>Converts a value to its <c>uint256</c> bit pattern (two's complement for negatives), i.e. value mod 2^256.</summary>
    public static BigInteger ToUnsignedBits(in BigInteger value)
    {
        BigInteger result = value % TwoTo256;
        return result.Sign < 0 ? result + TwoTo256 : result;
    }

    // Writes any value in [-2^255, 2^256) as 32 big-endian bytes, sign-extending negatives.
    internal static void WriteWord(in BigInteger value, Span<byte> word)
    {
        Span<byte> w = CheckWordSpan(word);
        w.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        if (value.IsZero)
        {
            return;
        }

        int count = value.GetByteCount(isUnsigned: value.Sign > 0);
        if (count > WordSize)
        {
            throw new IntegerRangeException($"{value} does not fit a 32-byte EVM word.");
        }

        value.TryWriteBytes(w[(WordSize - count)..], out _, isUnsigned: value.Sign > 0, isBigEndian: true);
    }

    private static ReadOnlySpan<byte> CheckWord(ReadOnlySpan<byte> word) =>
        word.Length == WordSize ? word : throw new ArgumentException($"An EVM word is 32 bytes but {word.Length} were given.", nameof(word));

    private static Span<byte> CheckWordSpan(Span<byte> word) =>
        word.Length >= WordSize ? word[..WordSize] : throw new ArgumentException($"An EVM word needs 32 bytes but the destination has {word.Length}.", nameof(word));

    private static int CheckBits(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0
            ? bits / 8
            : throw new ArgumentOutOfRangeException(nameof(bits), bits, "EVM integer widths are multiples of 8 from 8 to 256.");

    private static BigInteger[] BuildTable(Func<int, BigInteger> compute)
    {
        var table = new BigInteger[33];
        for (int i = 1; i <= 32; i++)
        {
            table[i] = compute(i * 8);
        }

        return table;
    }
}
