using System.Runtime.CompilerServices;

namespace OpenGradient.Ethereum.Encoding;

/// <summary>
/// Hexadecimal encoding as Ethereum uses it: lower-case output with a <c>0x</c> prefix; input with or
/// without the prefix, in either case, and of even length (an odd-length string is rejected, since
/// silently padding it hides truncated data).
/// </summary>
public static class Hex
{
    private const string LowerDigits = "0123456789abcdef";

    /// <summary>Encodes bytes as lower-case hex, with a <c>0x</c> prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        int offset = prefix ? 2 : 0;
        int length = offset + (bytes.Length * 2);
        if (length == 0)
        {
            return string.Empty;
        }

        return string.Create(length, (Bytes: bytes.ToArray(), Prefix: prefix), static (chars, state) =>
        {
            int o = 0;
            if (state.Prefix)
            {
                chars[0] = '0';
                chars[1] = 'x';
                o = 2;
            }

            WriteDigits(state.Bytes, chars[o..]);
        });
    }

    /// <summary>Writes lower-case hex digits (no prefix) of <paramref name="bytes"/> into <paramref name="destination"/>.</summary>
    public static void WriteDigits(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (destination.Length < bytes.Length * 2)
        {
            throw new ArgumentException("Destination is too short for the hex digits.", nameof(destination));
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            destination[2 * i] = LowerDigits[b >> 4];
            destination[(2 * i) + 1] = LowerDigits[b & 0xF];
        }
    }

    /// <summary>
    /// Decodes hex text, with or without a <c>0x</c>/<c>0X</c> prefix, upper or lower case.
    /// </summary>
    /// <exception cref="HexFormatException">The text has an odd number of digits or a non-hex character.</exception>
    public static byte[] Decode(ReadOnlySpan<char> hex)
    {
        ReadOnlySpan<char> digits = StripPrefix(hex);
        if ((digits.Length & 1) != 0)
        {
            throw new HexFormatException(
                $"Hex text has an odd number of digits ({digits.Length}); each byte needs two digits, so pad it with a leading 0 if a value was meant.");
        }

        var result = new byte[digits.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            int hi = DigitValue(digits[2 * i]);
            int lo = DigitValue(digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                int bad = hi < 0 ? 2 * i : (2 * i) + 1;
                throw new HexFormatException(
                    $"Hex text has a non-hex character '{digits[bad]}' at position {bad + (hex.Length - digits.Length)}; only 0-9, a-f and A-F are allowed after an optional 0x.");
            }

            result[i] = (byte)((hi << 4) | lo);
        }

        return result;
    }

    /// <summary>Decodes hex text into exactly <paramref name="expectedLength"/> bytes.</summary>
    /// <exception cref="HexFormatException">The text is not hex, or decodes to another length.</exception>
    public static byte[] Decode(ReadOnlySpan<char> hex, int expectedLength)
    {
        byte[] bytes = Decode(hex);
        if (bytes.Length != expectedLength)
        {
            throw new HexFormatException(
                $"Hex value has {bytes.Length} bytes where {expectedLength} were expected.");
        }

        return bytes;
    }

    /// <summary>Tries to decode hex text; returns false instead of throwing on bad input.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        ReadOnlySpan<char> digits = StripPrefix(hex);
        if ((digits.Length & 1) != 0)
        {
            bytes = [];
            return false;
        }

        var result = new byte[digits.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            int hi = DigitValue(digits[2 * i]);
            int lo = DigitValue(digits[(2 * i) + 1]);
            if ((hi | lo) < 0)
            {
                bytes = [];
                return false;
            }

            result[i] = (byte)((hi << 4) | lo);
        }

        bytes = result;
        return true;
    }

    /// <summary>Returns the digits after an optional <c>0x</c> or <c>0X</c> prefix.</summary>
    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> hex) =>
        hex.Length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') ? hex[2..] : hex;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
