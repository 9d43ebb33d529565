using System.Collections.Concurrent;
using System.Text;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// A Solidity ABI type, parsed from its type string with <see cref="Parse"/>: <c>uint8</c>…<c>uint256</c>,
/// <c>int8</c>…<c>int256</c> (<c>uint</c>/<c>int</c> mean 256 bits), <c>address</c>, <c>bool</c>,
/// <c>bytes1</c>…<c>bytes32</c>, <c>bytes</c>, <c>string</c>, <c>T[k]</c>, <c>T[]</c> and tuples
/// <c>(T1 name1, T2, …)</c> (also written <c>tuple(…)</c>), nested to any depth.
/// Instances are immutable; equal type strings give equal <see cref="CanonicalName"/>s.
/// </summary>
/// <remarks>
/// Zero-sized types (<c>T[0]</c>, <c>()</c>) are rejected, as Solidity does: they would let a few bytes of
/// hostile input declare billions of elements.
/// </remarks>
public sealed class AbiType : IEquatable<AbiType>
{
    private const int MaxCachedTypes = 4096;

    private static readonly ConcurrentDictionary<string, AbiType> Cache = new(StringComparer.Ordinal);

    private AbiType(AbiTypeKind kind, int size, AbiType? element, int arrayLength, AbiParameter[] components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        ArrayLength = arrayLength;
        Components = components;
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => AnyDynamic(components),
            _ => false,
        };
        StaticSize = IsDynamic ? 0 : kind switch
        {
            AbiTypeKind.FixedArray => checked(arrayLength * element!.StaticSize),
            AbiTypeKind.Tuple => SumStatic(components),
            _ => 32,
        };
        CanonicalName = BuildName();
    }

    /// <summary>The kind of type.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bits for <c>uintN</c>/<c>intN</c>; byte count for <c>bytesN</c>; 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element type of an array; null otherwise.</summary>
    public AbiType? Element { get; }

    /// <summary>The length k of a fixed array <c>T[k]</c>; 0 otherwise.</summary>
    public int ArrayLength { get; }

    /// <summary>The components of a tuple; empty otherwise.</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>Whether the encoding has a variable size (and is referenced by an offset in its parent).</summary>
    public bool IsDynamic { get; }

    /// <summary>The encoded size of a static type; 0 for a dynamic one.</summary>
    public int StaticSize { get; }

    /// <summary>The size this type takes in its parent's head: its static size, or 32 for an offset.</summary>
    public int HeadSize => IsDynamic ? 32 : StaticSize;

    /// <summary>The canonical type string used in signatures, e.g. <c>(uint256,bytes)[]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = UInt(256);

    /// <summary><c>int256</c>.</summary>
    public static AbiType Int256 { get; } = Int(256);

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, 0, []);

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, 0, []);

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, 0, []);

    /// <summary><c>string</c>.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, 0, []);

    /// <summary><c>bytes32</c>.</summary>
    public static AbiType Bytes32 { get; } = FixedBytes(32);

    /// <summary>Parses a Solidity type string (names of tuple components are kept).</summary>
    /// <exception cref="AbiFormatException">The text is not a type.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue(text, out AbiType? cached))
        {
            return cached;
        }

        AbiType parsed = AbiTypeParser.ParseType(text);

        // Bounded, so parsing type strings from untrusted input cannot grow memory without limit.
        return Cache.Count < MaxCachedTypes ? Cache.GetOrAdd(text, parsed) : parsed;
    }

    /// <summary><c>uint{bits}</c>.</summary>
    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits), null, 0, []);

    /// <summary><c>int{bits}</c>.</summary>
    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits), null, 0, []);

    /// <summary><c>bytes{length}</c> (1 to 32).</summary>
    public static AbiType FixedBytes(int length) =>
        length is >= 1 and <= 32
            ? new(AbiTypeKind.FixedBytes, length, null, 0, [])
            : throw new AbiFormatException($"bytes{length} does not exist; fixed byte arrays are bytes1 to bytes32 (use bytes for any length).");

    /// <summary><c>T[]</c>.</summary>
    public static AbiType ArrayOf(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(AbiTypeKind.Array, 0, element, 0, []);
    }

    /// <summary><c>T[k]</c> (k ≥ 1).</summary>
    public static AbiType FixedArrayOf(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length < 1)
        {
            throw new AbiFormatException($"{element.CanonicalName}[{length}] has no elements; Solidity does not allow zero-length fixed arrays, so declare at least one element or use {element.CanonicalName}[].");
        }

        return new(AbiTypeKind.FixedArray, 0, element, length, []);
    }

    /// <summary>A tuple of the given components (at least one).</summary>
    public static AbiType Tuple(params AbiParameter[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Length == 0)
        {
            throw new AbiFormatException("An empty tuple () has no ABI encoding that Solidity accepts; give the tuple at least one component.");
        }

        return new(AbiTypeKind.Tuple, 0, null, 0, (AbiParameter[])components.Clone());
    }

    /// <summary>A tuple of unnamed components.</summary>
    public static AbiType Tuple(params AbiType[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var parameters = new AbiParameter[components.Length];
        for (int i = 0; i < components.Length; i++)
        {
            parameters[i] = new AbiParameter(components[i]);
        }

        return Tuple(parameters);
    }

    /// <inheritdoc/>
    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => CanonicalName.GetHashCode(StringComparison.Ordinal);

    /// <summary>The canonical type string.</summary>
    public override string ToString() => CanonicalName;

    private static int CheckBits(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0
            ? bits
            : throw new AbiFormatException($"Integer width {bits} does not exist; ABI integers are 8 to 256 bits in steps of 8 (e.g. uint8, uint64, int256).");

    private static bool AnyDynamic(AbiParameter[] components)
    {
        foreach (AbiParameter c in components)
        {
            if (c.Type.IsDynamic)
            {
                return true;
            }
        }

        return false;
    }

    private static int SumStatic(AbiParameter[] components)
    {
        int sum = 0;
        foreach (AbiParameter c in components)
        {
            sum = checked(sum + c.Type.StaticSize);
        }

        return sum;
    }

    private string BuildName()
    {
        switch (Kind)
        {
            case AbiTypeKind.UInt:
                return "uint" + Size;
            case AbiTypeKind.Int:
                return "int" + Size;
            case AbiTypeKind.Address:
                return "address";
            case AbiTypeKind.Bool:
                return "bool";
            case AbiTypeKind.FixedBytes:
                return "bytes" + Size;
            case AbiTypeKind.Bytes:
                return "bytes";
            case AbiTypeKind.String:
                return "string";
            case AbiTypeKind.Array:
                return Element!.CanonicalName + "[]";
            case AbiTypeKind.FixedArray:
                return Element!.CanonicalName + "[" + ArrayLength + "]";
            default:
                var builder = new StringBuilder("(");
                for (int i = 0; i < Components.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(Components[i].Type.CanonicalName);
                }

                return builder.Append(')').ToString();
        }
    }
}
