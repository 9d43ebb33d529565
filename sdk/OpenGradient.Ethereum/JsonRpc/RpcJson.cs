using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Strict readers for the JSON-RPC value encodings (quantities, data, hashes, addresses). Each failure raises
/// <see cref="RpcResponseFormatException"/> naming the method and the field.
/// </summary>
internal readonly struct RpcJson
{
    public RpcJson(string method) => Method = method;

    public string Method { get; }

    public JsonElement Required(JsonElement obj, string field)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected an object holding '{field}' but got {obj.ValueKind}.");
        }

        if (!obj.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Fail($"the required field '{field}' is missing or null.");
        }

        return value;
    }

    public static bool TryOptional(JsonElement obj, string field, out JsonElement value) =>
        obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    public ulong UInt64(JsonElement obj, string field) => ParseUInt64(Required(obj, field), field);

    public ulong? OptionalUInt64(JsonElement obj, string field) =>
        TryOptional(obj, field, out JsonElement v) ? ParseUInt64(v, field) : null;

    public BigInteger Big(JsonElement obj, string field) => ParseBig(Required(obj, field), field);

    public BigInteger? OptionalBig(JsonElement obj, string field) =>
        TryOptional(obj, field, out JsonElement v) ? ParseBig(v, field) : null;

    public byte[] Data(JsonElement obj, string field) => ParseData(Required(obj, field), field, -1);

    public string Hash(JsonElement obj, string field) => ParseHash(Required(obj, field), field);

    public string? OptionalHash(JsonElement obj, string field) =>
        TryOptional(obj, field, out JsonElement v) ? ParseHash(v, field) : null;

    public Address Address(JsonElement obj, string field) => ParseAddress(Required(obj, field), field);

    public Address? OptionalAddress(JsonElement obj, string field) =>
        TryOptional(obj, field, out JsonElement v) ? ParseAddress(v, field) : null;

    public bool Bool(JsonElement obj, string field)
    {
        JsonElement v = Required(obj, field);
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"'{field}' should be true or false but is {Shorten(v)}."),
        };
    }

    public ulong ParseUInt64(JsonElement value, string field)
    {
        ReadOnlySpan<char> digits = QuantityDigits(value, field);
        if (digits.Length > 16 || !ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong result))
        {
            throw Fail($"'{field}' = {Shorten(value)} does not fit in 64 bits.");
        }

        return result;
    }

    public BigInteger ParseBig(JsonElement value, string field)
    {
        ReadOnlySpan<char> digits = QuantityDigits(value, field);
        if (digits.Length > 64)
        {
            throw Fail($"'{field}' = {Shorten(value)} is wider than 256 bits.");
        }

        // A leading 0 keeps the hex parse unsigned (otherwise "0x80" would read as -128).
        return BigInteger.Parse(string.Concat("0", digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    public byte[] ParseData(JsonElement value, string field, int expectedLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail($"'{field}' should be a 0x-prefixed hex string but is {Shorten(value)}.");
        }

        string text = value.GetString()!;
        if (!text.StartsWith("0x", StringComparison.Ordinal) || !Hex.TryDecode(text, out byte[] bytes))
        {
            throw Fail($"'{field}' = {Shorten(value)} is not 0x-prefixed hex of whole bytes.");
        }

        if (expectedLength >= 0 && bytes.Length != expectedLength)
        {
            throw Fail($"'{field}' has {bytes.Length} bytes where {expectedLength} were expected.");
        }

        return bytes;
    }

    /// <summary>A 32-byte value as lower-case 0x-hex; checked in place, without a decode/encode round trip (logs carry many).</summary>
    public string ParseHash(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail($"'{field}' should be a 0x-prefixed 32-byte hex string but is {Shorten(value)}.");
        }

        string text = value.GetString()!;
        if (text.Length != 66 || text[0] != '0' || text[1] != 'x')
        {
            return Encoding.Hex.Encode(ParseData(value, field, 32));
        }

        bool lower = true;
        for (int i = 2; i < text.Length; i++)
        {
            char c = text[i];
            if (Encoding.Hex.DigitValue(c) < 0)
            {
                throw Fail($"'{field}' = {Shorten(value)} has the non-hex character '{c}'.");
            }

            lower &= c is < 'A' or > 'F';
        }

        return lower ? text : text.ToLowerInvariant();
    }

    public Address ParseAddress(JsonElement value, string field) => Primitives.Address.FromBytes(ParseData(value, field, Primitives.Address.Size));

    public RpcResponseFormatException Fail(string message) => new(Method, message);

    private ReadOnlySpan<char> QuantityDigits(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail($"'{field}' should be a 0x-prefixed hex quantity but is {Shorten(value)}.");
        }

        string text = value.GetString()!;
        ReadOnlySpan<char> digits = text.AsSpan();
        if (digits.Length < 3 || digits[0] != '0' || digits[1] != 'x')
        {
            throw Fail($"'{field}' = {Shorten(value)} is not a 0x-prefixed hex quantity.");
        }

        digits = digits[2..];
        foreach (char ch in digits)
        {
            if (Hex.DigitValue(ch) < 0)
            {
                throw Fail($"'{field}' = {Shorten(value)} has the non-hex character '{ch}'.");
            }
        }

        return digits;
    }

    private static string Shorten(JsonElement value)
    {
        string raw = value.GetRawText();
        return raw.Length <= 80 ? raw : string.Concat(raw.AsSpan(0, 77), "...");
    }
}
