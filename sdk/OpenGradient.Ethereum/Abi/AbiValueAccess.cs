using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using OpenGradient.Ethereum.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Abi;

/// <summary>Reads .NET values in the shapes the encoders accept, with typed errors for anything else.</summary>
internal static class AbiValueAccess
{
    /// <summary>Arrays accept any <see cref="IList"/> (e.g. <c>object?[]</c>, <c>BigInteger[]</c>, <c>List&lt;T&gt;</c>); tuples also a C# tuple.</summary>
    public static int Count(AbiType type, object? value)
    {
        switch (value)
        {
            case IList list:
                return list.Count;
            case IReadOnlyList<object?> readOnlyList:
                return readOnlyList.Count;
            case ITuple tuple when type.Kind == AbiTypeKind.Tuple:
                return tuple.Length;
            default:
                throw new AbiEncodingException(
                    $"{type.CanonicalName} needs a list of values (object?[] or any IList{(type.Kind == AbiTypeKind.Tuple ? ", or a C# tuple" : string.Empty)}) but got {Describe(value)}.");
        }
    }

    public static object? Item(object value, int index) => value switch
    {
        IList list => list[index],
        IReadOnlyList<object?> readOnlyList => readOnlyList[index],
        _ => ((ITuple)value)[index],
    };

    public static void CheckCount(AbiType type, int count)
    {
        int expected = type.Kind == AbiTypeKind.Tuple ? type.Components.Count : type.ArrayLength;
        if (count != expected)
        {
            throw new AbiEncodingException(
                $"{type.CanonicalName} has exactly {expected} {(type.Kind == AbiTypeKind.Tuple ? "components" : "elements")} but {count} values were given.");
        }
    }

    public static ReadOnlySpan<byte> Bytes(AbiType type, object? value) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory.Span,
        Memory<byte> memory => memory.Span,
        _ => throw new AbiEncodingException($"{type.CanonicalName} needs a byte[] (or ReadOnlyMemory<byte>) but got {Describe(value)}."),
    };

    public static string String(object? value) =>
        value as string ?? throw new AbiEncodingException($"string needs a System.String but got {Describe(value)}.");

    public static Address Address(object? value) =>
        value is Address address
            ? address
            : throw new AbiEncodingException($"address needs an OpenGradient.Ethereum.Primitives.Address (use Address.Parse for text) but got {Describe(value)}.");

    public static bool Bool(object? value) =>
        value is bool b ? b : throw new AbiEncodingException($"bool needs a System.Boolean but got {Describe(value)}.");

    /// <summary>Writes an integer of type uintN/intN as a 32-byte word, checking its range.</summary>
    public static void WriteInteger(AbiType type, object? value, Span<byte> word)
    {
        bool signed = type.Kind == AbiTypeKind.Int;
        int bits = type.Size;
        Int128 small;
        switch (value)
        {
            case BigInteger big:
                if (signed ? !EvmInteger.FitsSigned(big, bits) : !EvmInteger.FitsUnsigned(big, bits))
                {
                    throw OutOfRange(type, big);
                }

                EvmInteger.WriteWord(big, word);
                return;
            case int v: small = v; break;
            case long v: small = v; break;
            case uint v: small = v; break;
            case ulong v: small = v; break;
            case byte v: small = v; break;
            case sbyte v: small = v; break;
            case short v: small = v; break;
            case ushort v: small = v; break;
            case Int128 v: small = v; break;
            case UInt128 v:
                WriteInteger(type, (BigInteger)v, word);
                return;
            default:
                throw new AbiEncodingException(
                    $"{type.CanonicalName} needs an integer (BigInteger, long, ulong, int, …) but got {Describe(value)}.");
        }

        bool fits = signed
            ? bits >= 128 || (small >= -(Int128.One << (bits - 1)) && small < (Int128.One << (bits - 1)))
            : small >= 0 && (bits >= 128 || (small >> bits) == 0);
        if (!fits)
        {
            throw OutOfRange(type, small);
        }

        word[..16].Fill(small < 0 ? (byte)0xFF : (byte)0);
        BinaryPrimitives.WriteInt128BigEndian(word[16..32], small);
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string \"{(s.Length > 40 ? s[..40] + "…" : s)}\"",
        _ => $"a {value.GetType().Name}",
    };

    private static AbiEncodingException OutOfRange(AbiType type, object value)
    {
        string range = type.Kind == AbiTypeKind.Int
            ? $"-2^{type.Size - 1} … 2^{type.Size - 1}-1"
            : $"0 … 2^{type.Size}-1";
        return new AbiEncodingException($"{value} is out of range for {type.CanonicalName} ({range}); pass a value in range or use a wider type.");
    }
}
