using System.Buffers.Binary;
using System.Numerics;

namespace OpenGradient.Ethereum.Encoding;

/// <summary>
/// Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B). Encoding is always
/// canonical; decoding is strict and rejects every non-canonical form, so one value has exactly one
/// accepted encoding (this matters for transaction hashes and signatures).
/// </summary>
/// <remarks>
/// For allocation-free encoding of large structures (transactions), size the output with
/// <see cref="GetBytesLength(ReadOnlySpan{byte})"/>, <see cref="GetUIntLength(ulong)"/>,
/// <see cref="GetListLength(int)"/> and write it with <see cref="RlpWriter"/>.
/// </remarks>
public static class Rlp
{
    /// <summary>Maximum list nesting the decoder accepts (guards the stack against hostile input).</summary>
    public const int MaxDepth = 256;

    /// <summary>Encodes a byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var output = new byte[GetBytesLength(bytes)];
        var writer = new RlpWriter(output);
        writer.WriteBytes(bytes);
        return output;
    }

    /// <summary>Encodes an unsigned integer as its minimal big-endian bytes (0 is the empty string).</summary>
    public static byte[] EncodeUInt(ulong value)
    {
        var output = new byte[GetUIntLength(value)];
        var writer = new RlpWriter(output);
        writer.WriteUInt(value);
        return output;
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (0 is the empty string).</summary>
    /// <exception cref="RlpEncodingException">The value is negative.</exception>
    public static byte[] EncodeUInt(BigInteger value) => EncodeBytes(UIntBytes(value));

    /// <summary>Wraps already-encoded items in a list header.</summary>
    public static byte[] EncodeList(params ReadOnlySpan<byte[]> encodedItems)
    {
        int payload = 0;
        foreach (byte[] item in encodedItems)
        {
            payload += item.Length;
        }

        var output = new byte[GetListLength(payload)];
        var writer = new RlpWriter(output);
        writer.WriteListHeader(payload);
        foreach (byte[] item in encodedItems)
        {
            writer.WriteRaw(item);
        }

        return output;
    }

    /// <summary>Encodes an item tree.</summary>
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[GetEncodedLength(item)];
        var writer = new RlpWriter(output);
        WriteItem(ref writer, item);
        return output;
    }

    /// <summary>
    /// Decodes exactly one canonical RLP item occupying all of <paramref name="encoded"/>.
    /// </summary>
    /// <exception cref="RlpDecodingException">The input is empty, truncated, non-canonical, nested deeper than
    /// <see cref="MaxDepth"/>, or has bytes after the item.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new RlpDecodingException("RLP input is empty; an encoding holds at least one byte.");
        }

        int position = 0;
        RlpItem item = DecodeItem(encoded, ref position, 0);
        if (position != encoded.Length)
        {
            throw new RlpDecodingException(
                $"RLP input has {encoded.Length - position} trailing byte(s) after the item that ends at offset {position}; pass exactly one encoded item.");
        }

        return item;
    }

    /// <summary>
    /// Reads the header of the item at <paramref name="offset"/> with the same canonical checks as <see cref="Decode"/>,
    /// without decoding its children.
    /// </summary>
    /// <returns>Whether it is a list, where its payload starts and how long the payload is.</returns>
    /// <exception cref="RlpDecodingException">The header is truncated, non-canonical or runs past the input.</exception>
    public static (bool IsList, int PayloadOffset, int PayloadLength) ReadHeader(ReadOnlySpan<byte> encoded, int offset)
    {
        if ((uint)offset >= (uint)encoded.Length)
        {
            throw new RlpDecodingException($"RLP input ends at offset {encoded.Length} where an item header was expected; the data is truncated.");
        }

        byte prefix = encoded[offset];
        if (prefix < 0x80)
        {
            return (false, offset, 1);
        }

        int available = encoded.Length - offset - 1;
        if (prefix <= 0xB7)
        {
            int length = prefix - 0x80;
            CheckAvailable(length, available, offset);
            if (length == 1 && encoded[offset + 1] < 0x80)
            {
                throw new RlpDecodingException(
                    $"RLP byte 0x{encoded[offset + 1]:x2} at offset {offset + 1} is wrapped in a string header; a single byte below 0x80 must be encoded as itself.");
            }

            return (false, offset + 1, length);
        }

        if (prefix <= 0xBF)
        {
            int length = ReadLongLength(encoded, offset, prefix - 0xB7, available);
            return (false, offset + 1 + (prefix - 0xB7), length);
        }

        if (prefix <= 0xF7)
        {
            int length = prefix - 0xC0;
            CheckAvailable(length, available, offset);
            return (true, offset + 1, length);
        }

        {
            int length = ReadLongLength(encoded, offset, prefix - 0xF7, available);
            return (true, offset + 1 + (prefix - 0xF7), length);
        }
    }

    /// <summary>Encoded size of a byte string.</summary>
    public static int GetBytesLength(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? 1 : HeaderLength(bytes.Length) + bytes.Length;

    /// <summary>Encoded size of an unsigned integer.</summary>
    public static int GetUIntLength(ulong value)
    {
        if (value < 0x80)
        {
            return 1;
        }

        int byteCount = 8 - (BitOperations.LeadingZeroCount(value) >> 3);
        return 1 + byteCount;
    }

    /// <summary>Encoded size of a non-negative integer.</summary>
    public static int GetUIntLength(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw NegativeInteger(value);
        }

        if (value < 0x80)
        {
            return 1;
        }

        int byteCount = value.GetByteCount(isUnsigned: true);
        return HeaderLength(byteCount) + byteCount;
    }

    /// <summary>Encoded size of a list whose items take <paramref name="payloadLength"/> bytes.</summary>
    public static int GetListLength(int payloadLength) => HeaderLength(payloadLength) + payloadLength;

    /// <summary>Encoded size of an item tree.</summary>
    public static int GetEncodedLength(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsList ? GetListLength(GetPayloadLength(item)) : GetBytesLength(item.Bytes);
    }

    internal static int HeaderLength(int payloadLength) =>
        payloadLength < 56 ? 1 : 1 + 4 - (BitOperations.LeadingZeroCount((uint)payloadLength) >> 3);

    internal static ReadOnlySpan<byte> TrimUInt(ulong value, Span<byte> buffer)
    {
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        return buffer[(BitOperations.LeadingZeroCount(value) >> 3)..];
    }

    internal static byte[] UIntBytes(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw NegativeInteger(value);
        }

        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    internal static RlpEncodingException NegativeInteger(BigInteger value) =>
        new($"RLP encodes only non-negative integers but {value} was given; encode a signed value in a scheme the reader expects (e.g. two's complement bytes).");

    private static int GetPayloadLength(RlpItem list)
    {
        int payload = 0;
        foreach (RlpItem child in list.Items)
        {
            payload += GetEncodedLength(child);
        }

        return payload;
    }

    private static void WriteItem(ref RlpWriter writer, RlpItem item)
    {
        if (!item.IsList)
        {
            writer.WriteBytes(item.Bytes);
            return;
        }

        writer.WriteListHeader(GetPayloadLength(item));
        foreach (RlpItem child in item.Items)
        {
            WriteItem(ref writer, child);
        }
    }

    private static RlpItem DecodeItem(ReadOnlySpan<byte> encoded, ref int position, int depth)
    {
        (bool isList, int payloadOffset, int payloadLength) = ReadHeader(encoded, position);
        int end = payloadOffset + payloadLength;
        if (!isList)
        {
            position = end;
            return RlpItem.WrapBytes(encoded.Slice(payloadOffset, payloadLength).ToArray());
        }

        if (depth >= MaxDepth)
        {
            throw new RlpDecodingException($"RLP lists are nested deeper than {MaxDepth} levels at offset {position}; no Ethereum structure needs that, so the input is rejected.");
        }

        var children = new List<RlpItem>();
        ReadOnlySpan<byte> payload = encoded[..end];
        int childPosition = payloadOffset;
        while (childPosition < end)
        {
            children.Add(DecodeItem(payload, ref childPosition, depth + 1));
        }

        position = end;
        return RlpItem.WrapList([.. children]);
    }

    private static int ReadLongLength(ReadOnlySpan<byte> encoded, int offset, int lengthOfLength, int available)
    {
        if (lengthOfLength > available)
        {
            throw new RlpDecodingException(
                $"RLP header at offset {offset} declares a {lengthOfLength}-byte length but only {available} byte(s) follow; the data is truncated.");
        }

        if (encoded[offset + 1] == 0)
        {
            throw new RlpDecodingException($"RLP length at offset {offset + 1} has a leading zero byte, which is not canonical.");
        }

        if (lengthOfLength > 4)
        {
            throw new RlpDecodingException(
                $"RLP header at offset {offset} declares a {lengthOfLength}-byte length (over 4 GiB); such an item cannot be in the given input.");
        }

        long length = 0;
        for (int i = 0; i < lengthOfLength; i++)
        {
            length = (length << 8) | encoded[offset + 1 + i];
        }

        if (length < 56)
        {
            throw new RlpDecodingException(
                $"RLP header at offset {offset} uses the long form for a payload of {length} bytes; lengths below 56 must use the short form.");
        }

        CheckAvailable(length, available - lengthOfLength, offset);
        return (int)length;
    }

    private static void CheckAvailable(long length, int available, int offset)
    {
        if (length > available)
        {
            throw new RlpDecodingException(
                $"RLP item at offset {offset} declares a {length}-byte payload but only {available} byte(s) follow; the data is truncated or the length is wrong.");
        }
    }
}
