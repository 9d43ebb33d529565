using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Encoding;

/// <summary>
/// One decoded (or to-be-encoded) RLP value: either a byte string or a list of items.
/// </summary>
public sealed class RlpItem
{
    private static readonly RlpItem[] NoItems = [];

    private readonly byte[] _bytes;
    private readonly RlpItem[] _items;

    private RlpItem(byte[] bytes, RlpItem[] items, bool isList)
    {
        _bytes = bytes;
        _items = items;
        IsList = isList;
    }

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList { get; }

    /// <summary>The bytes of a string item.</summary>
    /// <exception cref="RlpDecodingException">The item is a list.</exception>
    public ReadOnlySpan<byte> Bytes => IsList
        ? throw new RlpDecodingException("Expected an RLP byte string but found a list; check the structure the encoder used.")
        : _bytes;

    /// <summary>The children of a list item.</summary>
    /// <exception cref="RlpDecodingException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => IsList
        ? _items
        : throw new RlpDecodingException("Expected an RLP list but found a byte string; check the structure the encoder used.");

    /// <summary>Creates a byte-string item (the bytes are copied).</summary>
    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), NoItems, isList: false);

    /// <summary>Creates a byte-string item holding the minimal big-endian form of <paramref name="value"/> (0 is the empty string).</summary>
    public static RlpItem FromUInt(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        return FromBytes(Rlp.TrimUInt(value, buffer));
    }

    /// <summary>Creates a byte-string item holding the minimal big-endian form of a non-negative integer.</summary>
    /// <exception cref="RlpEncodingException">The value is negative.</exception>
    public static RlpItem FromUInt(BigInteger value) => new(Rlp.UIntBytes(value), NoItems, isList: false);

    /// <summary>Creates a list item.</summary>
    public static RlpItem List(params RlpItem[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new RlpItem([], (RlpItem[])items.Clone(), isList: true);
    }

    internal static RlpItem WrapBytes(byte[] bytes) => new(bytes, NoItems, isList: false);

    internal static RlpItem WrapList(RlpItem[] items) => new([], items, isList: true);

    /// <summary>Reads the item as a canonical unsigned integer (no leading zero bytes; empty is 0) of at most 8 bytes.</summary>
    /// <exception cref="RlpDecodingException">The item is a list, has a leading zero or does not fit 64 bits.</exception>
    public ulong ToUInt64()
    {
        ReadOnlySpan<byte> bytes = Bytes;
        CheckCanonicalInteger(bytes);
        if (bytes.Length > 8)
        {
            throw new RlpDecodingException($"RLP integer has {bytes.Length} bytes but must fit in 64 bits (8 bytes); the field is out of range.");
        }

        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Reads the item as a canonical unsigned integer of any size (at most 32 bytes, as Ethereum's uint256).</summary>
    /// <exception cref="RlpDecodingException">The item is a list, has a leading zero or is longer than 32 bytes.</exception>
    public BigInteger ToBigInteger()
    {
        ReadOnlySpan<byte> bytes = Bytes;
        CheckCanonicalInteger(bytes);
        if (bytes.Length > 32)
        {
            throw new RlpDecodingException($"RLP integer has {bytes.Length} bytes but Ethereum integers are at most 32 bytes (uint256); the field is out of range.");
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads the item as a 20-byte address.</summary>
    /// <exception cref="RlpDecodingException">The item is a list or not 20 bytes.</exception>
    public Address ToAddress()
    {
        ReadOnlySpan<byte> bytes = Bytes;
        if (bytes.Length != Address.Size)
        {
            throw new RlpDecodingException($"RLP address field has {bytes.Length} bytes where exactly 20 were expected.");
        }

        return Address.FromBytes(bytes);
    }

    /// <summary>Returns the RLP encoding of this item.</summary>
    public byte[] Encode() => Rlp.Encode(this);

    /// <summary>A debugging view: hex for strings, brackets for lists.</summary>
    public override string ToString()
    {
        if (!IsList)
        {
            return Hex.Encode(_bytes);
        }

        var builder = new System.Text.StringBuilder("[");
        for (int i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(_items[i].ToString());
        }

        return builder.Append(']').ToString();
    }

    private static void CheckCanonicalInteger(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpDecodingException("RLP integer has a leading zero byte, which is not canonical (0 is the empty string); the encoder must strip leading zeros.");
        }
    }
}
