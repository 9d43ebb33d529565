using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>Random ABI types (nested tuples and arrays included) and random values for them, plus a JSON form viem understands.</summary>
internal static class RandomAbi
{
    public static AbiType Type(Random random, int depth = 0)
    {
        int choice = random.Next(depth >= 3 ? 7 : 10);
        switch (choice)
        {
            case 0: return AbiType.UInt(8 * random.Next(1, 33));
            case 1: return AbiType.Int(8 * random.Next(1, 33));
            case 2: return AbiType.Address;
            case 3: return AbiType.Bool;
            case 4: return AbiType.FixedBytes(random.Next(1, 33));
            case 5: return AbiType.Bytes;
            case 6: return AbiType.String;
            case 7: return AbiType.ArrayOf(Type(random, depth + 1));
            case 8: return AbiType.FixedArrayOf(Type(random, depth + 1), random.Next(1, 4));
            default:
                var components = new AbiType[random.Next(1, 5)];
                for (int i = 0; i < components.Length; i++)
                {
                    components[i] = Type(random, depth + 1);
                }

                return AbiType.Tuple(components);
        }
    }

    public static AbiParameter[] Parameters(Random random)
    {
        var parameters = new AbiParameter[random.Next(0, 5)];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new AbiParameter(Type(random));
        }

        return parameters;
    }

    public static object? Value(Random random, AbiType type)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
                return Integer(random, 0, EvmInteger.MaxUnsigned(type.Size), type.Size);
            case AbiTypeKind.Int:
                return Integer(random, EvmInteger.MinSigned(type.Size), EvmInteger.MaxSigned(type.Size), type.Size - 1);
            case AbiTypeKind.Address:
                return Address.FromBytes(Bytes(random, 20));
            case AbiTypeKind.Bool:
                return random.Next(2) == 1;
            case AbiTypeKind.FixedBytes:
                return Bytes(random, type.Size);
            case AbiTypeKind.Bytes:
                return Bytes(random, Length(random));
            case AbiTypeKind.String:
                return Text(random);
            case AbiTypeKind.Array:
                return ElementValues(random, type.Element!, random.Next(0, 4));
            case AbiTypeKind.FixedArray:
                return ElementValues(random, type.Element!, type.ArrayLength);
            default:
                var values = new object?[type.Components.Count];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Value(random, type.Components[i].Type);
                }

                return values;
        }
    }

    public static object?[] Values(Random random, IReadOnlyList<AbiParameter> parameters)
    {
        var values = new object?[parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Value(random, parameters[i].Type);
        }

        return values;
    }

    private static object?[] ElementValues(Random random, AbiType element, int count)
    {
        var values = new object?[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Value(random, element);
        }

        return values;
    }

    /// <summary>The viem AbiParameter JSON of a type (components unnamed, so tuple values are arrays).</summary>
    public static JsonObject ViemParameter(AbiType type)
    {
        string suffix = string.Empty;
        AbiType t = type;
        while (t.Kind is AbiTypeKind.Array or AbiTypeKind.FixedArray)
        {
            suffix = (t.Kind == AbiTypeKind.Array ? "[]" : $"[{t.ArrayLength}]") + suffix;
            t = t.Element!;
        }

        if (t.Kind != AbiTypeKind.Tuple)
        {
            return new JsonObject { ["type"] = type.CanonicalName };
        }

        var components = new JsonArray();
        foreach (AbiParameter c in t.Components)
        {
            components.Add(ViemParameter(c.Type));
        }

        return new JsonObject { ["type"] = "tuple" + suffix, ["components"] = components };
    }

    /// <summary>A value as JSON for viem: integers as decimal strings, bytes and addresses as hex, lists as arrays.</summary>
    public static JsonNode? ViemValue(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                return JsonValue.Create(((BigInteger)value!).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case AbiTypeKind.Address:
                return JsonValue.Create(((Address)value!).ToLowerHex());
            case AbiTypeKind.Bool:
                return JsonValue.Create((bool)value!);
            case AbiTypeKind.FixedBytes or AbiTypeKind.Bytes:
                return JsonValue.Create(Hex.Encode((byte[])value!));
            case AbiTypeKind.String:
                return JsonValue.Create((string)value!);
            default:
                var list = (object?[])value!;
                var array = new JsonArray();
                for (int i = 0; i < list.Length; i++)
                {
                    array.Add(ViemValue(type.Kind == AbiTypeKind.Tuple ? type.Components[i].Type : type.Element!, list[i]));
                }

                return array;
        }
    }

    public static JsonArray ViemValues(IReadOnlyList<AbiParameter> parameters, object?[] values)
    {
        var array = new JsonArray();
        for (int i = 0; i < values.Length; i++)
        {
            array.Add(ViemValue(parameters[i].Type, values[i]));
        }

        return array;
    }

    private static BigInteger Integer(Random random, BigInteger min, BigInteger max, int magnitudeBits)
    {
        switch (random.Next(8))
        {
            case 0: return min;
            case 1: return max;
            case 2: return BigInteger.Zero;
            case 3: return random.Next(-1, 2) is var small && small >= min ? small : BigInteger.One;
            default:
                int bits = random.Next(1, magnitudeBits + 1);
                BigInteger magnitude = new BigInteger(Bytes(random, (bits + 7) / 8 + 1), isUnsigned: true) & ((BigInteger.One << bits) - 1);
                BigInteger v = min.Sign < 0 && random.Next(2) == 0 ? -magnitude : magnitude;
                return BigInteger.Clamp(v, min, max);
        }
    }

    private static int Length(Random random) => random.Next(6) switch
    {
        0 => 0,
        1 => 32,
        2 => random.Next(1, 32),
        3 => random.Next(33, 100),
        _ => random.Next(0, 300),
    };

    private static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Text(Random random)
    {
        int length = Length(random) / 2;
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            int kind = random.Next(10);
            int codePoint = kind switch
            {
                < 6 => random.Next(0x20, 0x7F),
                < 8 => random.Next(0xA0, 0x800),
                8 => random.Next(0x800, 0xD800),
                _ => random.Next(0x10000, 0x10FFFF),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }
}
