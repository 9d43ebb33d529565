using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.TypedData;

/// <summary>EIP-712 <c>encodeType</c>, <c>hashStruct</c> and <c>encodeData</c> over a set of struct types.</summary>
internal sealed class TypedDataEncoder
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> _types;
    private readonly Dictionary<string, byte[]> _typeHashes = new(StringComparer.Ordinal);

    internal TypedDataEncoder(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        _types = types;
        foreach (var (name, fields) in types)
        {
            if (!IsIdentifier(name))
            {
                throw new TypedDataException($"Type name '{name}' is not a valid identifier (letters, digits, _ and $; not starting with a digit).");
            }

            if (IsAtomicOrDynamic(name))
            {
                throw new TypedDataException($"Struct type '{name}' has the name of a built-in type; rename it.");
            }

            foreach (TypedDataField field in fields)
            {
                if (field is null || string.IsNullOrEmpty(field.Name) || string.IsNullOrEmpty(field.Type))
                {
                    throw new TypedDataException($"Type '{name}' has a field without a name or type; every field needs both.");
                }

                string baseType = BaseType(field.Type, out _);
                if (!IsAtomicOrDynamic(baseType) && !types.ContainsKey(baseType))
                {
                    throw new TypedDataException(
                        $"Field '{name}.{field.Name}' has type '{field.Type}', but '{baseType}' is neither a built-in type nor defined in types; add its definition.");
                }
            }
        }
    }

    internal string EncodeType(string primaryType)
    {
        RequireStruct(primaryType);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, dependencies);
        dependencies.Remove(primaryType);
        var builder = new System.Text.StringBuilder();
        AppendType(builder, primaryType);
        foreach (string dependency in dependencies)
        {
            AppendType(builder, dependency);
        }

        return builder.ToString();
    }

    internal byte[] HashType(string type)
    {
        if (!_typeHashes.TryGetValue(type, out byte[]? hash))
        {
            hash = Keccak256.Hash(EncodeType(type));
            _typeHashes[type] = hash;
        }

        return hash;
    }

    internal byte[] HashStruct(string type, JsonNode? value, string path)
    {
        RequireStruct(type);
        if (value is not JsonObject obj)
        {
            throw new TypedDataException($"Value '{path}' of struct type '{type}' must be a JSON object but is {Describe(value)}.");
        }

        IReadOnlyList<TypedDataField> fields = _types[type];
        var encoded = new byte[32 * (fields.Count + 1)];
        HashType(type).CopyTo(encoded, 0);
        for (int i = 0; i < fields.Count; i++)
        {
            TypedDataField field = fields[i];
            string fieldPath = $"{path}.{field.Name}";
            if (!obj.TryGetPropertyValue(field.Name, out JsonNode? fieldValue) || fieldValue is null)
            {
                throw new TypedDataException($"Value '{fieldPath}' ({field.Type}) is missing; every field of '{type}' must be given.");
            }

            EncodeValue(field.Type, fieldValue, fieldPath, encoded.AsSpan(32 * (i + 1), 32));
        }

        return Keccak256.Hash(encoded);
    }

    private void EncodeValue(string type, JsonNode value, string path, Span<byte> word)
    {
        if (type.EndsWith(']'))
        {
            string elementType = type[..type.LastIndexOf('[')];
            int? fixedLength = ArrayLength(type);
            if (value is not JsonArray array)
            {
                throw new TypedDataException($"Value '{path}' of type '{type}' must be a JSON array but is {Describe(value)}.");
            }

            if (fixedLength is { } length && array.Count != length)
            {
                throw new TypedDataException($"Value '{path}' of type '{type}' has {array.Count} elements where exactly {length} are required.");
            }

            var concatenated = new byte[32 * array.Count];
            for (int i = 0; i < array.Count; i++)
            {
                JsonNode element = array[i] ?? throw new TypedDataException($"Value '{path}[{i}]' is null; arrays cannot hold null.");
                EncodeValue(elementType, element, $"{path}[{i}]", concatenated.AsSpan(32 * i, 32));
            }

            Keccak256.Hash(concatenated, word);
            return;
        }

        if (_types.ContainsKey(type))
        {
            HashStruct(type, value, path).CopyTo(word);
            return;
        }

        EncodeAtomic(type, value, path, word);
    }

    private static void EncodeAtomic(string type, JsonNode value, string path, Span<byte> word)
    {
        switch (type)
        {
            case "string":
                Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(RequireString(value, type, path)), word);
                return;
            case "bytes":
                Keccak256.Hash(DecodeHex(value, type, path), word);
                return;
            case "bool":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new TypedDataException($"Value '{path}' (bool) must be true or false but is {Describe(value)}.");
                }

                word.Clear();
                word[31] = value.GetValue<bool>() ? (byte)1 : (byte)0;
                return;
            case "address":
                if (!Address.TryParse(RequireString(value, type, path), out Address address))
                {
                    throw new TypedDataException($"Value '{path}' (address) is not a 20-byte hex address (or its EIP-55 checksum is wrong).");
                }

                word.Clear();
                address.Span.CopyTo(word[12..]);
                return;
        }

        if (type.StartsWith("bytes", StringComparison.Ordinal))
        {
            int size = int.Parse(type.AsSpan(5), CultureInfo.InvariantCulture);
            byte[] bytes = DecodeHex(value, type, path);
            if (bytes.Length != size)
            {
                throw new TypedDataException($"Value '{path}' ({type}) has {bytes.Length} bytes where exactly {size} are required.");
            }

            word.Clear();
            bytes.CopyTo(word);
            return;
        }

        bool signed = type[0] == 'i';
        int bits = int.Parse(type.AsSpan(signed ? 3 : 4), CultureInfo.InvariantCulture);
        BigInteger integer = ParseInteger(value, type, path);
        if (signed ? !EvmInteger.FitsSigned(integer, bits) : !EvmInteger.FitsUnsigned(integer, bits))
        {
            throw new TypedDataException($"Value '{path}' is {integer}, which is out of range for {type}.");
        }

        if (signed)
        {
            EvmInteger.WriteSigned(integer, word, bits);
        }
        else
        {
            EvmInteger.WriteUnsigned(integer, word, bits);
        }
    }

    private static BigInteger ParseInteger(JsonNode value, string type, string path)
    {
        JsonValueKind kind = value.GetValueKind();
        string text = kind switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => throw new TypedDataException($"Value '{path}' ({type}) must be a number or a decimal or 0x-hex string but is {Describe(value)}."),
        };

        bool negative = text.StartsWith('-');
        string digits = negative ? text[1..] : text;
        bool ok;
        BigInteger result = default;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = digits.Length > 2 && BigInteger.TryParse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out result);
        }
        else
        {
            ok = digits.Length > 0 && BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out result);
        }

        if (!ok)
        {
            throw new TypedDataException($"Value '{path}' ({type}) is '{text}', which is not a whole number; use decimal digits or 0x-hex (no exponent or fraction).");
        }

        return negative ? -result : result;
    }

    private static string RequireString(JsonNode value, string type, string path) =>
        value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new TypedDataException($"Value '{path}' ({type}) must be a JSON string but is {Describe(value)}.");

    private static byte[] DecodeHex(JsonNode value, string type, string path)
    {
        string text = RequireString(value, type, path);
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out byte[] bytes))
        {
            throw new TypedDataException($"Value '{path}' ({type}) must be 0x-prefixed hex with an even number of digits.");
        }

        return bytes;
    }

    private static string Describe(JsonNode? value) => value is null ? "null" : value.GetValueKind().ToString().ToLowerInvariant();

    private void CollectDependencies(string type, SortedSet<string> found)
    {
        string baseType = BaseType(type, out _);
        if (!_types.TryGetValue(baseType, out IReadOnlyList<TypedDataField>? fields) || !found.Add(baseType))
        {
            return;
        }

        foreach (TypedDataField field in fields)
        {
            CollectDependencies(field.Type, found);
        }
    }

    private void AppendType(System.Text.StringBuilder builder, string type)
    {
        builder.Append(type).Append('(');
        IReadOnlyList<TypedDataField> fields = _types[type];
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(fields[i].Type).Append(' ').Append(fields[i].Name);
        }

        builder.Append(')');
    }

    private void RequireStruct(string type)
    {
        if (!_types.ContainsKey(type))
        {
            throw new TypedDataException($"Struct type '{type}' is not defined in types; add its definition.");
        }
    }

    /// <summary>Strips every array suffix: <c>Person[2][]</c> → <c>Person</c>; validates the suffixes.</summary>
    internal static string BaseType(string type, out int dimensions)
    {
        dimensions = 0;
        string current = type;
        while (current.EndsWith(']'))
        {
            int open = current.LastIndexOf('[');
            if (open <= 0)
            {
                throw new TypedDataException($"Type '{type}' has an unbalanced array suffix.");
            }

            _ = ArrayLength(current);
            current = current[..open];
            dimensions++;
        }

        return current;
    }

    private static int? ArrayLength(string arrayType)
    {
        int open = arrayType.LastIndexOf('[');
        ReadOnlySpan<char> inside = arrayType.AsSpan(open + 1, arrayType.Length - open - 2);
        if (inside.IsEmpty)
        {
            return null;
        }

        if (!int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length < 1 || inside[0] == '0')
        {
            throw new TypedDataException($"Type '{arrayType}' has an invalid fixed array length '{inside}'; use [] or [n] with n ≥ 1.");
        }

        return length;
    }

    private static bool IsAtomicOrDynamic(string type)
    {
        switch (type)
        {
            case "address" or "bool" or "string" or "bytes":
                return true;
        }

        if (type.StartsWith("bytes", StringComparison.Ordinal))
        {
            return int.TryParse(type.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 32 && type[5] != '0';
        }

        ReadOnlySpan<char> bits = type.StartsWith("uint", StringComparison.Ordinal) ? type.AsSpan(4)
            : type.StartsWith("int", StringComparison.Ordinal) ? type.AsSpan(3)
            : [];
        return !bits.IsEmpty && bits[0] != '0'
            && int.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size is >= 8 and <= 256 && size % 8 == 0;
    }

    private static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
            {
                return false;
            }
        }

        return true;
    }
}
