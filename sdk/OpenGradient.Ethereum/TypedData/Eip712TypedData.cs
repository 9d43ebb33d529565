using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.TypedData;

/// <summary>
/// EIP-712 typed structured data: a domain, struct type definitions, the primary type and the
/// message. Computes <c>encodeType</c>, <c>hashStruct</c>, the domain separator and the signing hash
/// (<c>keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))</c>), signs and recovers.
/// The message is JSON: integers as numbers or decimal/0x-hex strings, bytes as 0x-hex, structs
/// as objects, arrays as arrays — the form wallets take in <c>eth_signTypedData_v4</c>.
/// </summary>
public sealed class Eip712TypedData
{
    /// <summary>The reserved name of the domain struct type.</summary>
    public const string DomainTypeName = "EIP712Domain";

    private readonly Dictionary<string, IReadOnlyList<TypedDataField>> _types;
    private readonly TypedDataEncoder _encoder;
    private readonly JsonNode _message;

    /// <summary>Creates typed data; the type definitions are checked now, the message when hashed.</summary>
    /// <exception cref="TypedDataException">A type is invalid or refers to an undefined type, or the primary type is not defined.</exception>
    public Eip712TypedData(
        TypedDataDomain domain,
        IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types,
        string primaryType,
        JsonNode message)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(primaryType);
        ArgumentNullException.ThrowIfNull(message);
        Domain = domain;
        PrimaryType = primaryType;
        _types = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var (name, fields) in types)
        {
            _types[name] = [.. fields];
        }

        if (!_types.ContainsKey(DomainTypeName))
        {
            _types[DomainTypeName] = domain.GetImpliedType();
        }

        _encoder = new TypedDataEncoder(_types);
        if (!_types.ContainsKey(primaryType))
        {
            throw new TypedDataException($"primaryType '{primaryType}' is not defined in types; add it or fix the name.");
        }

        _message = message.DeepClone();
    }

    /// <summary>The domain.</summary>
    public TypedDataDomain Domain { get; }

    /// <summary>The struct types, including <c>EIP712Domain</c> (implied from the domain when not given).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types => _types;

    /// <summary>The type of <see cref="Message"/>.</summary>
    public string PrimaryType { get; }

    /// <summary>A copy of the message.</summary>
    public JsonNode Message => _message.DeepClone();

    /// <summary>Parses the standard JSON form <c>{ types, primaryType, domain, message }</c>.</summary>
    /// <exception cref="TypedDataException">The JSON is not valid typed data.</exception>
    public static Eip712TypedData Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new TypedDataException($"Typed data is not valid JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject obj)
        {
            throw new TypedDataException("Typed data must be a JSON object with types, primaryType, domain and message.");
        }

        if (obj["types"] is not JsonObject typesJson)
        {
            throw new TypedDataException("Typed data field 'types' is missing or not an object.");
        }

        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var (name, fieldsJson) in typesJson)
        {
            if (fieldsJson is not JsonArray fieldArray)
            {
                throw new TypedDataException($"Typed data 'types.{name}' must be an array of {{ name, type }}.");
            }

            var fields = new List<TypedDataField>(fieldArray.Count);
            foreach (JsonNode? field in fieldArray)
            {
                if (field?["name"]?.GetValueKind() != JsonValueKind.String || field["type"]?.GetValueKind() != JsonValueKind.String)
                {
                    throw new TypedDataException($"Typed data 'types.{name}' has an entry without a string name and type.");
                }

                fields.Add(new TypedDataField(field["name"]!.GetValue<string>(), field["type"]!.GetValue<string>()));
            }

            types[name] = fields;
        }

        if (obj["primaryType"]?.GetValueKind() != JsonValueKind.String)
        {
            throw new TypedDataException("Typed data field 'primaryType' is missing or not a string.");
        }

        TypedDataDomain domain = ParseDomain(obj["domain"] as JsonObject ?? throw new TypedDataException("Typed data field 'domain' is missing or not an object."));
        JsonNode message = obj["message"] ?? throw new TypedDataException("Typed data field 'message' is missing.");
        return new Eip712TypedData(domain, types, obj["primaryType"]!.GetValue<string>(), message);
    }

    /// <summary>Returns <c>encodeType</c> of a struct type: itself, then its dependencies sorted by name.</summary>
    /// <exception cref="TypedDataException">The type is not defined.</exception>
    public string EncodeType(string typeName) => _encoder.EncodeType(typeName);

    /// <summary>Returns <c>typeHash</c> = Keccak-256 of <see cref="EncodeType"/>.</summary>
    /// <exception cref="TypedDataException">The type is not defined.</exception>
    public byte[] HashType(string typeName) => (byte[])_encoder.HashType(typeName).Clone();

    /// <summary>Returns <c>hashStruct</c> of <paramref name="value"/> as a <paramref name="typeName"/>.</summary>
    /// <exception cref="TypedDataException">The value does not match the type.</exception>
    public byte[] HashStruct(string typeName, JsonNode value) => _encoder.HashStruct(typeName, value, typeName);

    /// <summary>Returns the domain separator, <c>hashStruct(EIP712Domain, domain)</c>.</summary>
    /// <exception cref="TypedDataException">The domain does not match its type.</exception>
    public byte[] GetDomainSeparator() => _encoder.HashStruct(DomainTypeName, Domain.ToJson(), "domain");

    /// <summary>
    /// Returns the 32-byte signing hash <c>keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))</c>
    /// (without the struct hash when the primary type is <c>EIP712Domain</c>).
    /// </summary>
    /// <exception cref="TypedDataException">The domain or message does not match its type.</exception>
    public byte[] Hash()
    {
        var hasher = new Keccak256Hasher();
        hasher.Append([0x19, 0x01]);
        hasher.Append(GetDomainSeparator());
        if (PrimaryType != DomainTypeName)
        {
            hasher.Append(_encoder.HashStruct(PrimaryType, _message, "message"));
        }

        return hasher.GetHashAndReset();
    }

    /// <summary>Signs <see cref="Hash"/> with <paramref name="key"/> (as <c>eth_signTypedData_v4</c>).</summary>
    public EthSignature Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash());
    }

    /// <summary>Recovers the address that signed this typed data.</summary>
    /// <exception cref="SignatureException">No key can have produced the signature for this data.</exception>
    public Address RecoverAddress(EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.RecoverAddress(Hash());
    }

    private static TypedDataDomain ParseDomain(JsonObject json)
    {
        return new TypedDataDomain
        {
            Name = OptionalString(json, "name"),
            Version = OptionalString(json, "version"),
            ChainId = json["chainId"] is { } chainId ? ParseChainId(chainId) : null,
            VerifyingContract = OptionalString(json, "verifyingContract") is { } contract
                ? (Address.TryParse(contract, out Address address) ? address : throw new TypedDataException($"Typed data 'domain.verifyingContract' ('{contract}') is not an address."))
                : null,
            Salt = OptionalString(json, "salt") is { } salt
                ? (Hex.TryDecode(salt, out byte[] bytes) && bytes.Length == 32 ? bytes : throw new TypedDataException("Typed data 'domain.salt' must be 32 bytes of 0x-hex."))
                : null,
        };
    }

    private static string? OptionalString(JsonObject json, string name)
    {
        JsonNode? value = json[name];
        if (value is null)
        {
            return null;
        }

        return value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new TypedDataException($"Typed data 'domain.{name}' must be a string.");
    }

    private static BigInteger ParseChainId(JsonNode value)
    {
        string text = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => throw new TypedDataException("Typed data 'domain.chainId' must be a number or a decimal/0x-hex string."),
        };
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out BigInteger result)
            : BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out result);
        return ok ? result : throw new TypedDataException($"Typed data 'domain.chainId' ('{text}') is not a whole number.");
    }
}
