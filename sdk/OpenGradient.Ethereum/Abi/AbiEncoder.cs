namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Solidity ABI encoding (<c>abi.encode</c>) and packed encoding (<c>abi.encodePacked</c>).
/// </summary>
/// <remarks>
/// Values by type: <c>uintN</c>/<c>intN</c> — <see cref="System.Numerics.BigInteger"/> or any built-in integer type;
/// <c>address</c> — <see cref="Primitives.Address"/>; <c>bool</c> — <see cref="bool"/>; <c>bytesN</c> and <c>bytes</c> —
/// <c>byte[]</c> or <see cref="ReadOnlyMemory{T}"/> of bytes (exactly N for <c>bytesN</c>); <c>string</c> —
/// <see cref="string"/>; arrays — any <see cref="System.Collections.IList"/> (<c>object?[]</c>, <c>BigInteger[]</c>,
/// <c>List&lt;T&gt;</c>); tuples — an <see cref="System.Collections.IList"/> or a C# tuple of the components in order.
/// </remarks>
public static class AbiEncoder
{
    /// <summary>Encodes values for a parameter list, e.g. the arguments of a function.</summary>
    /// <exception cref="AbiEncodingException">A value has the wrong .NET type, is out of range or has the wrong length.</exception>
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        int size = GetEncodedLength(parameters, values);
        var output = new byte[size];
        AbiWriter.WriteTuple(parameters, values, output);
        return output;
    }

    /// <summary>Encodes values for a parameter list written as a tuple type, e.g. <c>(uint256 id, bytes data)</c>.</summary>
    public static byte[] Encode(AbiType tuple, IReadOnlyList<object?> values) => Encode(Components(tuple), values);

    /// <summary>Encodes values for a comma-separated type list such as <c>"uint256, address[], (bool,bytes)"</c>.</summary>
    public static byte[] Encode(string types, params object?[] values) => Encode(ParseList(types), values);

    /// <summary>Exact size of <see cref="Encode(IReadOnlyList{AbiParameter}, IReadOnlyList{object?})"/>'s output.</summary>
    public static int GetEncodedLength(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != parameters.Count)
        {
            throw new AbiEncodingException($"{parameters.Count} parameter(s) need {parameters.Count} value(s) but {values.Count} were given.");
        }

        return AbiWriter.GetTupleSize(parameters, values);
    }

    /// <summary>Encodes into <paramref name="destination"/> (at least <see cref="GetEncodedLength"/> bytes); returns the size.</summary>
    public static int Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values, Span<byte> destination)
    {
        int size = GetEncodedLength(parameters, values);
        if (destination.Length < size)
        {
            throw new ArgumentException($"Destination has {destination.Length} bytes but the encoding needs {size}.", nameof(destination));
        }

        return AbiWriter.WriteTuple(parameters, values, destination);
    }

    /// <summary>
    /// Solidity's <c>abi.encodePacked</c>: integers in their own width, <c>address</c> 20 bytes, <c>bool</c> 1 byte,
    /// <c>bytesN</c> N bytes, <c>bytes</c>/<c>string</c> raw; array elements padded to 32 bytes, without a length.
    /// Tuples and nested or dynamic-element arrays are rejected, as in Solidity. Packed encoding is ambiguous:
    /// never hash two adjacent dynamic values with it.
    /// </summary>
    public static byte[] EncodePacked(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        AbiPackedWriter.Encode(types, values);

    /// <summary><see cref="EncodePacked(IReadOnlyList{AbiType}, IReadOnlyList{object?})"/> with a comma-separated type list.</summary>
    public static byte[] EncodePacked(string types, params object?[] values)
    {
        AbiParameter[] parameters = ParseList(types);
        var list = new AbiType[parameters.Length];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = parameters[i].Type;
        }

        return AbiPackedWriter.Encode(list, values);
    }

    internal static IReadOnlyList<AbiParameter> Components(AbiType tuple)
    {
        ArgumentNullException.ThrowIfNull(tuple);
        return tuple.Kind == AbiTypeKind.Tuple
            ? tuple.Components
            : throw new ArgumentException($"Expected a tuple type for a parameter list but got {tuple.CanonicalName}; wrap it as ({tuple.CanonicalName}).", nameof(tuple));
    }

    internal static AbiParameter[] ParseList(string types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var parser = new AbiTypeParser("(" + types + ")");
        AbiParameter[] parameters = parser.ReadParameterList(allowIndexed: false);
        parser.ExpectEnd("the type list");
        return parameters;
    }
}
