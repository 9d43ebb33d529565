using System.Buffers.Binary;
using System.Numerics;

namespace OpenGradient.Ethereum.Encoding;

/// <summary>
/// Writes canonical RLP into a caller-provided buffer without allocating. Size the buffer with the
/// <c>Rlp.Get…Length</c> methods; the writer checks every write against the buffer.
/// </summary>
public ref struct RlpWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    /// <summary>Creates a writer that fills <paramref name="buffer"/> from its start.</summary>
    public RlpWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Number of bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._position];

    /// <summary>Writes a byte string.</summary>
    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            Reserve(1)[0] = bytes[0];
            return;
        }

        WriteHeader(0x80, bytes.Length);
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>Writes an unsigned integer as minimal big-endian bytes.</summary>
    public void WriteUInt(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        WriteBytes(buffer[(BitOperations.LeadingZeroCount(value) >> 3)..]);
    }

    /// <summary>Writes a non-negative integer (up to 256 bits without allocating) as minimal big-endian bytes.</summary>
    /// <exception cref="RlpEncodingException">The value is negative.</exception>
    public void WriteUInt(in BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw Rlp.NegativeInteger(value);
        }

        if (value.IsZero)
        {
            WriteBytes([]);
            return;
        }

        int count = value.GetByteCount(isUnsigned: true);
        if (count <= 64)
        {
            Span<byte> buffer = stackalloc byte[count];
            value.TryWriteBytes(buffer, out _, isUnsigned: true, isBigEndian: true);
            WriteBytes(buffer);
        }
        else
        {
            WriteBytes(value.ToByteArray(isUnsigned: true, isBigEndian: true));
        }
    }

    /// <summary>Writes the header of a list whose items, written next, take <paramref name="payloadLength"/> bytes.</summary>
    public void WriteListHeader(int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        WriteHeader(0xC0, payloadLength);
    }

    /// <summary>Copies already-encoded RLP as is.</summary>
    public void WriteRaw(scoped ReadOnlySpan<byte> encoded) => encoded.CopyTo(Reserve(encoded.Length));

    private void WriteHeader(byte shortBase, int length)
    {
        if (length < 56)
        {
            Reserve(1)[0] = (byte)(shortBase + length);
            return;
        }

        int lengthOfLength = 4 - (BitOperations.LeadingZeroCount((uint)length) >> 3);
        Span<byte> header = Reserve(1 + lengthOfLength);
        header[0] = (byte)(shortBase + 55 + lengthOfLength);
        for (int i = lengthOfLength; i >= 1; i--)
        {
            header[i] = (byte)length;
            length >>= 8;
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (count > _buffer.Length - _position)
        {
            throw new RlpEncodingException(
                $"RLP writer buffer of {_buffer.Length} bytes is too small: {_position + count} bytes are needed so far; size it with Rlp.GetBytesLength/GetUIntLength/GetListLength.");
        }

        Span<byte> span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }
}
