using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>Writers for the JSON-RPC value encodings: quantities without leading zeros, data as 0x-hex.</summary>
internal static class RpcValues
{
    public static string Quantity(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Quantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A JSON-RPC quantity cannot be negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        string hex = value.ToString("x", CultureInfo.InvariantCulture);
        return "0x" + hex.TrimStart('0');
    }

    public static void WriteQuantity(Utf8JsonWriter writer, string name, ulong value) => writer.WriteString(name, Quantity(value));

    public static void WriteQuantity(Utf8JsonWriter writer, string name, BigInteger value) => writer.WriteString(name, Quantity(value));

    public static void WriteData(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value) => writer.WriteString(name, Hex.Encode(value, prefix: true) is { Length: > 0 } s ? s : "0x");

    public static string Data(ReadOnlySpan<byte> value) => value.IsEmpty ? "0x" : Hex.Encode(value);

    public static string Address(Address address) => address.ToLowerHex();
}
