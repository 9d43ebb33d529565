namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Strict Solidity ABI decoding (<c>abi.decode</c>), accepting only the canonical encoding.
/// </summary>
/// <remarks>
/// Values by type: <c>uintN</c>/<c>intN</c> — <see cref="System.Numerics.BigInteger"/>; <c>address</c> —
/// <see cref="Primitives.Address"/>; <c>bool</c> — <see cref="bool"/>; <c>bytesN</c>, <c>bytes</c> — <c>byte[]</c>;
/// <c>string</c> — <see cref="string"/>; arrays and tuples — <c>object?[]</c>. Rejected (with
/// <see cref="AbiDecodingException"/> naming the element): truncated data, offsets that are not where the standard
/// encoder puts them, lengths beyond the data, non-zero padding, bools other than 0/1, addresses with high bits,
/// integers outside their type (including wrong sign extension), invalid UTF-8 in strings, and trailing bytes.
/// </remarks>
public static class AbiDecoder
{
    /// <summary>Decodes the encoding of a parameter list; the data must contain nothing else.</summary>
    /// <exception cref="AbiDecodingException">The data is not the canonical encoding of the parameters.</exception>
    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        object?[] values = AbiReader.ReadTuple(parameters, data, 0, out int size);
        if (size != data.Length)
        {
            throw new AbiDecodingException(
                $"the encoding ends at byte {size} but the data has {data.Length} bytes; trailing bytes are rejected (pass only the encoded values).");
        }

        return values;
    }

    /// <summary>Decodes the encoding of a parameter list written as a tuple type, e.g. <c>(uint256 id, bytes data)</c>.</summary>
    public static object?[] Decode(AbiType tuple, ReadOnlySpan<byte> data) => Decode(AbiEncoder.Components(tuple), data);

    /// <summary>Decodes the encoding of a comma-separated type list such as <c>"uint256, address[]"</c>.</summary>
    public static object?[] Decode(string types, ReadOnlySpan<byte> data) => Decode(AbiEncoder.ParseList(types), data);
}
