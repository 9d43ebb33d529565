using System.Buffers.Binary;
using System.Security.Cryptography;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Inference;

/// <summary>A model id: the sha256 of the ONNX file bytes, a <c>bytes32</c> on chain.</summary>
public readonly struct ModelId : IEquatable<ModelId>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private ModelId(ReadOnlySpan<byte> bytes)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The id of a model file: sha256 of its bytes.</summary>
    public static ModelId Compute(ReadOnlySpan<byte> modelBytes)
    {
        Span<byte> hash = stackalloc byte[Size];
        SHA256.HashData(modelBytes, hash);
        return new ModelId(hash);
    }

    /// <summary>An id from its 32 bytes.</summary>
    public static ModelId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A model id is 32 bytes (a sha256), not {bytes.Length}.", nameof(bytes));
        }

        return new ModelId(bytes);
    }

    /// <summary>An id from 64 hex digits, with or without 0x.</summary>
    /// <exception cref="HexFormatException">Not 32 bytes of hex.</exception>
    public static ModelId Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return new ModelId(Hex.Decode(hex, Size));
    }

    /// <summary>Whether <paramref name="modelBytes"/> hash to this id.</summary>
    public bool Matches(ReadOnlySpan<byte> modelBytes) => Compute(modelBytes) == this;

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Lowercase hex without 0x, as used for file names in the model store.</summary>
    public string ToHexNoPrefix() => Hex.Encode(ToArray(), prefix: false);

    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => Hex.Encode(ToArray());

    /// <inheritdoc />
    public bool Equals(ModelId other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ModelId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    public static bool operator ==(ModelId left, ModelId right) => left.Equals(right);

    public static bool operator !=(ModelId left, ModelId right) => !left.Equals(right);
}
