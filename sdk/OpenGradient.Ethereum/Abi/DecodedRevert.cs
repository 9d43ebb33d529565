using System.Numerics;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Revert data decoded: a message from <c>Error(string)</c>, a <c>Panic(uint256)</c> code and its meaning, or a
/// custom error with its values. Decoding never throws: data that cannot be decoded is <see cref="RevertKind.Unknown"/>.
/// </summary>
public sealed class DecodedRevert
{
    /// <summary>Selector of <c>Error(string)</c>.</summary>
    public const string ErrorSelectorHex = "0x08c379a0";

    /// <summary>Selector of <c>Panic(uint256)</c>.</summary>
    public const string PanicSelectorHex = "0x4e487b71";

    private static readonly AbiError ErrorString = new("Error", [new AbiParameter(AbiType.String, "message")]);
    private static readonly AbiError PanicError = new("Panic", [new AbiParameter(AbiType.UInt256, "code")]);

    private readonly byte[] _data;

    private DecodedRevert(RevertKind kind, byte[] data, string? message = null, BigInteger? panicCode = null, AbiError? error = null, AbiValues? arguments = null)
    {
        Kind = kind;
        _data = data;
        Message = message;
        PanicCode = panicCode;
        Error = error;
        Arguments = arguments;
    }

    /// <summary>What the data is.</summary>
    public RevertKind Kind { get; }

    /// <summary>The raw revert data.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The message of <c>Error(string)</c>; null for other kinds.</summary>
    public string? Message { get; }

    /// <summary>The code of <c>Panic(uint256)</c>; null for other kinds.</summary>
    public BigInteger? PanicCode { get; }

    /// <summary>The meaning of <see cref="PanicCode"/> as the Solidity docs give it; null for other kinds.</summary>
    public string? PanicDescription => PanicCode is { } code ? DescribePanic(code) : null;

    /// <summary>The custom error found in the ABI; null for other kinds.</summary>
    public AbiError? Error { get; }

    /// <summary>The custom error's values; null for other kinds.</summary>
    public AbiValues? Arguments { get; }

    /// <summary>The selector (first 4 bytes) as hex, or null when the data is shorter.</summary>
    public string? SelectorHex => _data.Length >= 4 ? Hex.Encode(_data.AsSpan(0, 4)) : null;

    /// <summary>Decodes revert data, looking custom errors up by selector in <paramref name="errors"/>.</summary>
    public static DecodedRevert Decode(ReadOnlySpan<byte> revertData, IEnumerable<AbiError>? errors = null)
    {
        byte[] data = revertData.ToArray();
        if (data.Length == 0)
        {
            return new DecodedRevert(RevertKind.Empty, data);
        }

        if (data.Length < 4)
        {
            return new DecodedRevert(RevertKind.Unknown, data);
        }

        ReadOnlySpan<byte> selector = revertData[..4];
        try
        {
            if (selector.SequenceEqual(ErrorString.Selector))
            {
                return new DecodedRevert(RevertKind.Error, data, message: (string)ErrorString.Decode(revertData)[0]!);
            }

            if (selector.SequenceEqual(PanicError.Selector))
            {
                return new DecodedRevert(RevertKind.Panic, data, panicCode: (BigInteger)PanicError.Decode(revertData)[0]!);
            }

            if (errors is not null)
            {
                foreach (AbiError error in errors)
                {
                    if (selector.SequenceEqual(error.Selector))
                    {
                        return new DecodedRevert(RevertKind.CustomError, data, error: error, arguments: error.Decode(revertData));
                    }
                }
            }
        }
        catch (AbiDecodingException)
        {
            // Known selector, malformed body: report the raw data rather than a half-decoded value.
        }

        return new DecodedRevert(RevertKind.Unknown, data);
    }

    /// <summary>What Solidity means by a panic code (<c>0x11</c>: arithmetic overflow or underflow, …).</summary>
    public static string DescribePanic(BigInteger code) => (int)BigInteger.Min(code, 0x100) switch
    {
        0x00 => "generic compiler-inserted panic",
        0x01 => "assert(false) or a failed assertion",
        0x11 => "arithmetic overflow or underflow outside an unchecked block",
        0x12 => "division or modulo by zero",
        0x21 => "conversion of a value out of range into an enum",
        0x22 => "access to an incorrectly encoded storage byte array",
        0x31 => ".pop() on an empty array",
        0x32 => "array, bytesN or slice index out of bounds",
        0x41 => "too much memory allocated or an array too large",
        0x51 => "call of a zero-initialized internal function variable",
        _ => "unknown panic code",
    };

    /// <summary>A one-line description, e.g. <c>InsufficientStake(node=0x…, have=1, need=2)</c> or <c>Panic(0x11: …)</c>.</summary>
    public override string ToString() => Kind switch
    {
        RevertKind.Empty => "reverted without data",
        RevertKind.Error => $"Error(\"{Message}\")",
        RevertKind.Panic => $"Panic(0x{PanicCode!.Value:x2}: {PanicDescription})",
        RevertKind.CustomError => $"{Error!.Name}({Arguments})",
        _ => $"unknown revert data {Hex.Encode(_data)}",
    };
}
