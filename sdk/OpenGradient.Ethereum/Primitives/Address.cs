using System.Buffers.Binary;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Ethereum.Primitives;

/// <summary>
/// A 20-byte Ethereum account address. <see cref="ToString"/> gives the EIP-55 checksummed form;
/// <see cref="Parse(string)"/> accepts <c>0x</c> followed by 40 hex digits and, when the digits mix upper and
/// lower case, requires the EIP-55 checksum to be right (a mistyped address then fails instead of
/// sending funds to nobody). <c>default(Address)</c> equals <see cref="Zero"/>.
/// </summary>
public readonly struct Address : IEquatable<Address>, ISpanParsable<Address>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private static readonly byte[] ZeroBytes = new byte[Size];

    // Null only for default(Address), which reads as the zero address.
    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    /// <summary>The zero address <c>0x0000000000000000000000000000000000000000</c>.</summary>
    public static Address Zero => default;

    /// <summary>The 20 address bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes ?? ZeroBytes;

    /// <summary>True for the zero address.</summary>
    public bool IsZero => Span.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <exception cref="AddressFormatException">The span is not 20 bytes long.</exception>
    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new AddressFormatException(
                $"An address is exactly 20 bytes but {bytes.Length} were given; pass the raw 20 address bytes (not a 32-byte ABI word or a public key).");
        }

        return new Address(bytes.ToArray());
    }

    /// <summary>
    /// Derives the address of a secp256k1 public key: the last 20 bytes of the Keccak-256 of the
    /// 64-byte uncompressed key (X‖Y). A 65-byte key must start with the <c>0x04</c> prefix.
    /// </summary>
    /// <exception cref="AddressFormatException">The key is not 64 bytes, or 65 bytes starting with 0x04.</exception>
    public static Address FromPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        ReadOnlySpan<byte> key = uncompressedPublicKey;
        if (key.Length == 65)
        {
            if (key[0] != 0x04)
            {
                throw new AddressFormatException(
                    $"A 65-byte public key must start with 0x04 (uncompressed) but starts with 0x{key[0]:x2}; decompress the key first.");
            }

            key = key[1..];
        }

        if (key.Length != 64)
        {
            throw new AddressFormatException(
                $"An address is derived from a 64-byte (X||Y) or 65-byte (0x04||X||Y) uncompressed public key but {uncompressedPublicKey.Length} bytes were given; decompress a 33-byte key first.");
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(key, hash);
        return new Address(hash[12..].ToArray());
    }

    /// <summary>Parses <c>0x</c> + 40 hex digits; mixed-case text must carry a valid EIP-55 checksum.</summary>
    /// <exception cref="AddressFormatException">The text is not an address or its checksum is wrong.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static Address Parse(ReadOnlySpan<char> text)
    {
        string? error = TryParseCore(text, out Address address);
        if (error is not null)
        {
            throw new AddressFormatException(error);
        }

        return address;
    }

    /// <summary>Tries to parse an address as <see cref="Parse(string)"/> does; returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out Address address)
    {
        if (text is null)
        {
            address = default;
            return false;
        }

        return TryParseCore(text.AsSpan(), out address) is null;
    }

    /// <inheritdoc cref="TryParse(string?, out Address)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out Address address) => TryParseCore(text, out address) is null;

    static Address IParsable<Address>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Address>.TryParse(string? s, IFormatProvider? provider, out Address result) => TryParse(s, out result);

    static Address ISpanParsable<Address>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Address>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Address result) => TryParse(s, out result);

    /// <summary>Returns a new array with the 20 address bytes.</summary>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>The EIP-55 checksummed form, e.g. <c>0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed</c>.</summary>
    public override string ToString() => string.Create(2 + (2 * Size), _bytes ?? ZeroBytes, static (chars, bytes) =>
    {
        chars[0] = '0';
        chars[1] = 'x';
        WriteChecksummed(bytes, chars[2..]);
    });

    /// <summary>The all-lower-case form, e.g. <c>0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed</c>.</summary>
    public string ToLowerHex() => Hex.Encode(Span);

    /// <inheritdoc/>
    public bool Equals(Address other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(Span[16..]);

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    private static void WriteChecksummed(ReadOnlySpan<byte> bytes, Span<char> digits)
    {
        Hex.WriteDigits(bytes, digits);
        Span<byte> ascii = stackalloc byte[2 * Size];
        for (int i = 0; i < ascii.Length; i++)
        {
            ascii[i] = (byte)digits[i];
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(ascii, hash);
        for (int i = 0; i < ascii.Length; i++)
        {
            int nibble = (i & 1) == 0 ? hash[i >> 1] >> 4 : hash[i >> 1] & 0xF;
            if (nibble >= 8 && digits[i] >= 'a')
            {
                digits[i] = (char)(digits[i] - 32);
            }
        }
    }

    private static string? TryParseCore(ReadOnlySpan<char> text, out Address address)
    {
        address = default;
        if (text.Length < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return "An address must start with 0x followed by 40 hex digits; add the 0x prefix.";
        }

        ReadOnlySpan<char> digits = text[2..];
        if (digits.Length != 2 * Size)
        {
            return $"An address has 40 hex digits after 0x but {digits.Length} were given; check that the address was copied completely.";
        }

        var bytes = new byte[Size];
        bool hasLower = false;
        bool hasUpper = false;
        for (int i = 0; i < digits.Length; i++)
        {
            char c = digits[i];
            int value = Hex.DigitValue(c);
            if (value < 0)
            {
                return $"An address may only contain hex digits after 0x, but '{c}' is at position {i + 2}.";
            }

            hasLower |= c is >= 'a' and <= 'f';
            hasUpper |= c is >= 'A' and <= 'F';
            bytes[i >> 1] = (byte)((i & 1) == 0 ? value << 4 : bytes[i >> 1] | value);
        }

        if (hasLower && hasUpper)
        {
            Span<char> expected = stackalloc char[2 * Size];
            WriteChecksummed(bytes, expected);
            if (!expected.SequenceEqual(digits))
            {
                return $"Address 0x{digits} mixes upper and lower case but its EIP-55 checksum is wrong (expected 0x{expected}); it was probably mistyped — recheck it, or pass it all lower case to skip the checksum.";
            }
        }

        address = new Address(bytes);
        return null;
    }
}
