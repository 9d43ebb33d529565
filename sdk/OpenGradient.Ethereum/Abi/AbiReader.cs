using System.Buffers.Binary;
using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// The strict ABI decoder. Every dynamic element must sit exactly where the standard encoder puts it
/// (right after the previous one), so one value has one accepted encoding and the work is linear in
/// the input: hostile offsets cannot make elements overlap, loop, or be decoded twice. Every declared
/// length is checked against the bytes that remain before anything is allocated.
/// </summary>
internal static class AbiReader
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static object?[] ReadTuple(IReadOnlyList<AbiParameter> components, ReadOnlySpan<byte> data, int start, out int size)
    {
        int head = 0;
        for (int i = 0; i < components.Count; i++)
        {
            head += components[i].Type.HeadSize;
        }

        CheckAvailable(data, start, head, "the head of the tuple");
        var values = new object?[components.Count];
        int tail = start + head;
        int position = start;
        for (int i = 0; i < components.Count; i++)
        {
            AbiType type = components[i].Type;
            try
            {
                if (type.IsDynamic)
                {
                    CheckOffset(data, position, start, tail);
                    values[i] = Read(type, data, tail, out int elementSize);
                    tail += elementSize;
                    position += 32;
                }
                else
                {
                    values[i] = Read(type, data, position, out int elementSize);
                    position += elementSize;
                }
            }
            catch (AbiDecodingException e)
            {
                throw e.At(components[i], i);
            }
        }

        size = tail - start;
        return values;
    }

    public static object? Read(AbiType type, ReadOnlySpan<byte> data, int start, out int size)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            case AbiTypeKind.Int:
                size = 32;
                return ReadInteger(type, Word(data, start));
            case AbiTypeKind.Address:
                size = 32;
                ReadOnlySpan<byte> addressWord = Word(data, start);
                if (addressWord[..12].IndexOfAnyExcept((byte)0) >= 0)
                {
                    throw new AbiDecodingException("address word has non-zero bytes in its 12 high-order bytes; an address is the low 20 bytes with zero padding.");
                }

                return Address.FromBytes(addressWord[12..]);
            case AbiTypeKind.Bool:
                size = 32;
                ReadOnlySpan<byte> boolWord = Word(data, start);
                if (boolWord[..31].IndexOfAnyExcept((byte)0) >= 0 || boolWord[31] > 1)
                {
                    throw new AbiDecodingException("bool word is neither 0 nor 1; a canonical encoder writes only those two values.");
                }

                return boolWord[31] == 1;
            case AbiTypeKind.FixedBytes:
                size = 32;
                ReadOnlySpan<byte> fixedWord = Word(data, start);
                if (fixedWord[type.Size..].IndexOfAnyExcept((byte)0) >= 0)
                {
                    throw new AbiDecodingException($"{type.CanonicalName} has non-zero bytes after its {type.Size} value bytes; the padding must be zero.");
                }

                return fixedWord[..type.Size].ToArray();
            case AbiTypeKind.Bytes:
                return ReadBytes(type, data, start, out size).ToArray();
            case AbiTypeKind.String:
                ReadOnlySpan<byte> utf8 = ReadBytes(type, data, start, out size);
                try
                {
                    return StrictUtf8.GetString(utf8);
                }
                catch (System.Text.DecoderFallbackException e)
                {
                    throw new AbiDecodingException($"string is not valid UTF-8 ({e.Message}); decode the field as bytes if it holds binary data.");
                }

            case AbiTypeKind.Array:
                int count = ReadLength(data, start, "array length");
                long maxCount = (data.Length - (long)start - 32) / type.Element!.HeadSize;
                if (count > maxCount)
                {
                    throw new AbiDecodingException(
                        $"{type.CanonicalName} declares {count} elements but the {data.Length - start - 32} remaining bytes hold at most {maxCount}; the data is truncated or the length is wrong.");
                }

                object?[] elements = ReadSequence(type.Element, count, data, start + 32, out int sequenceSize);
                size = 32 + sequenceSize;
                return elements;
            case AbiTypeKind.FixedArray:
                return ReadSequence(type.Element!, type.ArrayLength, data, start, out size);
            default:
                return ReadTuple(type.Components, data, start, out size);
        }
    }

    private static object?[] ReadSequence(AbiType element, int count, ReadOnlySpan<byte> data, int start, out int size)
    {
        int headSize = element.HeadSize;
        CheckAvailable(data, start, (long)count * headSize, "the elements");
        var values = new object?[count];
        int tail = start + (count * headSize);
        for (int i = 0; i < count; i++)
        {
            try
            {
                if (element.IsDynamic)
                {
                    CheckOffset(data, start + (i * 32), start, tail);
                    values[i] = Read(element, data, tail, out int elementSize);
                    tail += elementSize;
                }
                else
                {
                    values[i] = Read(element, data, start + (i * headSize), out _);
                }
            }
            catch (AbiDecodingException e)
            {
                throw e.AtIndex(i);
            }
        }

        size = tail - start;
        return values;
    }

    private static BigInteger ReadInteger(AbiType type, ReadOnlySpan<byte> word)
    {
        int valueBytes = type.Size / 8;
        ReadOnlySpan<byte> high = word[..(32 - valueBytes)];
        if (type.Kind == AbiTypeKind.UInt)
        {
            if (high.IndexOfAnyExcept((byte)0) >= 0)
            {
                throw new AbiDecodingException($"value does not fit {type.CanonicalName}: its {32 - valueBytes} high-order bytes must be zero.");
            }

            return valueBytes <= 8
                ? new BigInteger(BinaryPrimitives.ReadUInt64BigEndian(word[24..]))
                : new BigInteger(word[(32 - valueBytes)..], isUnsigned: true, isBigEndian: true);
        }

        byte fill = (word[32 - valueBytes] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        if (high.IndexOfAnyExcept(fill) >= 0)
        {
            throw new AbiDecodingException($"value does not fit {type.CanonicalName}: the word is not the sign extension of a {type.Size}-bit two's-complement value.");
        }

        return valueBytes <= 8
            ? new BigInteger(BinaryPrimitives.ReadInt64BigEndian(word[24..]))
            : new BigInteger(word[(32 - valueBytes)..], isUnsigned: false, isBigEndian: true);
    }

    private static ReadOnlySpan<byte> ReadBytes(AbiType type, ReadOnlySpan<byte> data, int start, out int size)
    {
        int length = ReadLength(data, start, $"{type.CanonicalName} length");
        long padded = (length + 31L) & ~31L;
        CheckAvailable(data, start + 32, padded, $"the {length} bytes of the {type.CanonicalName} value");
        ReadOnlySpan<byte> content = data.Slice(start + 32, length);
        if (data.Slice(start + 32 + length, (int)padded - length).IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new AbiDecodingException($"{type.CanonicalName} value has non-zero padding after its {length} bytes; the padding must be zero.");
        }

        size = 32 + (int)padded;
        return content;
    }

    private static void CheckOffset(ReadOnlySpan<byte> data, int position, int frameStart, int expected)
    {
        int offset = ReadLength(data, position, "offset");
        if ((long)frameStart + offset != expected)
        {
            throw new AbiDecodingException(
                $"offset {offset} points to byte {(long)frameStart + offset}, but the canonical encoding puts this element at byte {expected}; the data is not a standard ABI encoding (overlapping or reordered elements are rejected).");
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string what)
    {
        ReadOnlySpan<byte> word = Word(data, position);
        ulong low = BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        if (word[..24].IndexOfAnyExcept((byte)0) >= 0 || low > int.MaxValue)
        {
            throw new AbiDecodingException($"{what} at byte {position} is larger than any ABI input can be; the data is corrupt or not ABI-encoded.");
        }

        return (int)low;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int position)
    {
        CheckAvailable(data, position, 32, "a 32-byte word");
        return data.Slice(position, 32);
    }

    private static void CheckAvailable(ReadOnlySpan<byte> data, long position, long count, string what)
    {
        if (position + count > data.Length)
        {
            throw new AbiDecodingException(
                $"data ends at byte {data.Length} but {what} needs bytes {position}..{position + count}; the data is truncated or a length/offset is wrong.");
        }
    }
}
