using System.Buffers.Binary;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// The standard (non-packed) ABI encoder: one pass computes the exact size (checking the shape of lists),
/// a second writes into a buffer of that size (checking every leaf value).
/// </summary>
internal static class AbiWriter
{
    public static int GetTupleSize(IReadOnlyList<AbiParameter> components, object values)
    {
        int size = 0;
        for (int i = 0; i < components.Count; i++)
        {
            AbiType type = components[i].Type;
            if (!type.IsDynamic)
            {
                size += type.StaticSize;
                continue;
            }

            try
            {
                size = checked(size + 32 + GetSize(type, AbiValueAccess.Item(values, i)));
            }
            catch (AbiEncodingException e)
            {
                throw e.At(components[i], i);
            }
        }

        return size;
    }

    public static int WriteTuple(IReadOnlyList<AbiParameter> components, object values, Span<byte> destination)
    {
        int head = 0;
        for (int i = 0; i < components.Count; i++)
        {
            head += components[i].Type.HeadSize;
        }

        int tail = head;
        int position = 0;
        for (int i = 0; i < components.Count; i++)
        {
            AbiType type = components[i].Type;
            try
            {
                object? value = AbiValueAccess.Item(values, i);
                if (type.IsDynamic)
                {
                    WriteLength(tail, destination.Slice(position, 32));
                    tail += Write(type, value, destination[tail..]);
                    position += 32;
                }
                else
                {
                    position += Write(type, value, destination[position..]);
                }
            }
            catch (AbiEncodingException e)
            {
                throw e.At(components[i], i);
            }
        }

        return tail;
    }

    /// <summary>Size of the encoding of one value (for a dynamic type: its own head and tail, not the parent's offset word).</summary>
    public static int GetSize(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return 32 + Pad32(AbiValueAccess.Bytes(type, value).Length);
            case AbiTypeKind.String:
                return 32 + Pad32(System.Text.Encoding.UTF8.GetByteCount(AbiValueAccess.String(value)));
            case AbiTypeKind.Array:
                return checked(32 + GetSequenceSize(type.Element!, value!, AbiValueAccess.Count(type, value)));
            case AbiTypeKind.FixedArray when type.IsDynamic:
                int count = AbiValueAccess.Count(type, value);
                AbiValueAccess.CheckCount(type, count);
                return GetSequenceSize(type.Element!, value!, count);
            case AbiTypeKind.Tuple when type.IsDynamic:
                AbiValueAccess.CheckCount(type, AbiValueAccess.Count(type, value));
                return GetTupleSize(type.Components, value!);
            default:
                return type.StaticSize;
        }
    }

    /// <summary>Writes the encoding of one value at the start of <paramref name="destination"/>; returns its size.</summary>
    public static int Write(AbiType type, object? value, Span<byte> destination)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            case AbiTypeKind.Int:
                AbiValueAccess.WriteInteger(type, value, destination[..32]);
                return 32;
            case AbiTypeKind.Address:
                Address address = AbiValueAccess.Address(value);
                destination[..12].Clear();
                address.Span.CopyTo(destination[12..32]);
                return 32;
            case AbiTypeKind.Bool:
                destination[..31].Clear();
                destination[31] = AbiValueAccess.Bool(value) ? (byte)1 : (byte)0;
                return 32;
            case AbiTypeKind.FixedBytes:
                ReadOnlySpan<byte> fixedBytes = AbiValueAccess.Bytes(type, value);
                if (fixedBytes.Length != type.Size)
                {
                    throw new AbiEncodingException(
                        $"{type.CanonicalName} needs exactly {type.Size} bytes but {fixedBytes.Length} were given; pad or truncate explicitly.");
                }

                fixedBytes.CopyTo(destination);
                destination[type.Size..32].Clear();
                return 32;
            case AbiTypeKind.Bytes:
                return WriteBytes(AbiValueAccess.Bytes(type, value), destination);
            case AbiTypeKind.String:
                string text = AbiValueAccess.String(value);
                int length = System.Text.Encoding.UTF8.GetBytes(text, destination[32..]);
                WriteLength(length, destination[..32]);
                int padded = Pad32(length);
                destination[(32 + length)..(32 + padded)].Clear();
                return 32 + padded;
            case AbiTypeKind.Array:
                int count = AbiValueAccess.Count(type, value);
                WriteLength(count, destination[..32]);
                return 32 + WriteSequence(type.Element!, value!, count, destination[32..]);
            case AbiTypeKind.FixedArray:
                int fixedCount = AbiValueAccess.Count(type, value);
                AbiValueAccess.CheckCount(type, fixedCount);
                return WriteSequence(type.Element!, value!, fixedCount, destination);
            default:
                AbiValueAccess.CheckCount(type, AbiValueAccess.Count(type, value));
                return WriteTuple(type.Components, value!, destination);
        }
    }

    public static int Pad32(int length) => checked((length + 31) & ~31);

    public static void WriteLength(int value, Span<byte> word)
    {
        word[..24].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word[24..32], (ulong)value);
    }

    private static int WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        WriteLength(bytes.Length, destination[..32]);
        bytes.CopyTo(destination[32..]);
        int padded = Pad32(bytes.Length);
        destination[(32 + bytes.Length)..(32 + padded)].Clear();
        return 32 + padded;
    }

    private static int GetSequenceSize(AbiType element, object values, int count)
    {
        if (!element.IsDynamic)
        {
            return checked(count * element.StaticSize);
        }

        int size = 0;
        for (int i = 0; i < count; i++)
        {
            try
            {
                size = checked(size + 32 + GetSize(element, AbiValueAccess.Item(values, i)));
            }
            catch (AbiEncodingException e)
            {
                throw e.AtIndex(i);
            }
        }

        return size;
    }

    private static int WriteSequence(AbiType element, object values, int count, Span<byte> destination)
    {
        int headSize = element.HeadSize;
        int tail = count * headSize;
        for (int i = 0; i < count; i++)
        {
            try
            {
                object? value = AbiValueAccess.Item(values, i);
                if (element.IsDynamic)
                {
                    WriteLength(tail, destination.Slice(i * 32, 32));
                    tail += Write(element, value, destination[tail..]);
                }
                else
                {
                    Write(element, value, destination[(i * headSize)..]);
                }
            }
            catch (AbiEncodingException e)
            {
                throw e.AtIndex(i);
            }
        }

        return tail;
    }
}
