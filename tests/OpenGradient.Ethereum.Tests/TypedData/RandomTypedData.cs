using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.TypedData;

namespace OpenGradient.Ethereum.Tests.TypedData;

/// <summary>
/// Random EIP-712 schemas and messages from a seeded <see cref="Random"/>: several struct types where
/// type i may refer to types j &gt; i (so values are finite), fields of every atomic kind, nested
/// structs, arrays of structs and of atomic types (dynamic, fixed, two-dimensional), and a random
/// subset of domain fields. Integers travel as decimal strings.
/// </summary>
internal static class RandomTypedData
{
    private static readonly string[] Atomic = ["address", "bool", "string", "bytes", "bytes1", "bytes7", "bytes32", "uint8", "uint64", "uint256", "int8", "int128", "int256"];

    internal static Eip712TypedData Create(Random random)
    {
        int typeCount = random.Next(1, 5);
        var names = new List<string>();
        for (int i = 0; i < typeCount; i++)
        {
            // Names that sort differently from their definition order exercise the dependency sort.
            names.Add($"{(char)('A' + random.Next(26))}{i}Type");
        }

        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        for (int i = typeCount - 1; i >= 0; i--)
        {
            var fields = new List<TypedDataField>();
            int fieldCount = random.Next(i == 0 ? 1 : 0, 6);
            for (int f = 0; f < fieldCount; f++)
            {
                string baseType = i + 1 < typeCount && random.Next(3) == 0 ? names[random.Next(i + 1, typeCount)] : Atomic[random.Next(Atomic.Length)];
                string type = random.Next(4) switch
                {
                    0 => baseType + "[]",
                    1 => baseType + $"[{random.Next(1, 3)}]",
                    2 when random.Next(3) == 0 => baseType + $"[{random.Next(1, 3)}][]",
                    _ => baseType,
                };
                fields.Add(new TypedDataField($"f{f}", type));
            }

            types[names[i]] = fields;
        }

        JsonNode message = Value(random, names[0], types, depth: 0);
        var domain = new TypedDataDomain
        {
            Name = random.Next(4) == 0 ? null : "Domain " + random.Next(),
            Version = random.Next(3) == 0 ? null : random.Next(1, 9).ToString(CultureInfo.InvariantCulture),
            ChainId = random.Next(4) == 0 ? null : (BigInteger)random.NextInt64(1, long.MaxValue),
            VerifyingContract = random.Next(3) == 0 ? null : RandomAddress(random),
            Salt = random.Next(3) == 0 ? RandomBytes(random, 32) : null,
        };
        return new Eip712TypedData(domain, types, names[0], message);
    }

    internal static JsonObject ToJson(Eip712TypedData data, bool includeDomainType)
    {
        var types = new JsonObject();
        foreach (var (name, fields) in data.Types)
        {
            if (name == Eip712TypedData.DomainTypeName && !includeDomainType)
            {
                continue;
            }

            var array = new JsonArray();
            foreach (TypedDataField field in fields)
            {
                array.Add(new JsonObject { ["name"] = field.Name, ["type"] = field.Type });
            }

            types[name] = array;
        }

        return new JsonObject
        {
            ["types"] = types,
            ["primaryType"] = data.PrimaryType,
            ["domain"] = data.Domain.ToJson(),
            ["message"] = data.Message,
        };
    }

    private static JsonNode Value(Random random, string type, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, int depth)
    {
        if (type.EndsWith(']'))
        {
            int open = type.LastIndexOf('[');
            string element = type[..open];
            string inside = type[(open + 1)..^1];
            int count = inside.Length > 0 ? int.Parse(inside, CultureInfo.InvariantCulture) : random.Next(0, depth > 1 ? 2 : 4);
            var array = new JsonArray();
            for (int i = 0; i < count; i++)
            {
                array.Add(Value(random, element, types, depth + 1));
            }

            return array;
        }

        if (types.TryGetValue(type, out IReadOnlyList<TypedDataField>? fields))
        {
            var obj = new JsonObject();
            foreach (TypedDataField field in fields)
            {
                obj[field.Name] = Value(random, field.Type, types, depth + 1);
            }

            return obj;
        }

        return type switch
        {
            "address" => RandomAddress(random).ToString(),
            "bool" => random.Next(2) == 0,
            "string" => random.Next(3) == 0 ? string.Empty : "text ✓ " + random.Next(),
            "bytes" => Hex.Encode(RandomBytes(random, random.Next(0, 70))),
            _ when type.StartsWith("bytes", StringComparison.Ordinal) => Hex.Encode(RandomBytes(random, int.Parse(type.AsSpan(5), CultureInfo.InvariantCulture))),
            _ => Integer(random, type),
        };
    }

    private static string Integer(Random random, string type)
    {
        bool signed = type[0] == 'i';
        int bits = int.Parse(type.AsSpan(signed ? 3 : 4), CultureInfo.InvariantCulture);
        BigInteger max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
        BigInteger min = signed ? -(BigInteger.One << (bits - 1)) : 0;
        BigInteger value = random.Next(5) switch
        {
            0 => max,
            1 => min,
            2 => 0,
            _ => new BigInteger(RandomBytes(random, bits / 8), isUnsigned: true, isBigEndian: true) % (max + 1),
        };
        if (signed && random.Next(2) == 0 && value > 0)
        {
            value = -value;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static Address RandomAddress(Random random) => Address.FromBytes(RandomBytes(random, 20));

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
