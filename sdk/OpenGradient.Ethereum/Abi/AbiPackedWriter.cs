namespace OpenGradient.Ethereum.Abi;

/// <summary>Solidity's non-standard packed mode (<c>abi.encodePacked</c>).</summary>
internal static class AbiPackedWriter
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != types.Count)
        {
            throw new AbiEncodingException($"{types.Count} type(s) need {types.Count} value(s) but {values.Count} were given.");
        }

        using var output = new MemoryStream();
        Span<byte> word = stackalloc byte[32];
        for (int i = 0; i < types.Count; i++)
        {
            try
            {
                Write(types[i], values[i], output, word, inArray: false);
            }
            catch (AbiEncodingException e)
            {
                throw e.At(new AbiParameter(types[i]), i);
            }
        }

        return output.ToArray();
    }

    private static void Write(AbiType type, object? value, MemoryStream output, Span<byte> word, bool inArray)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String when inArray:
            case AbiTypeKind.Tuple:
                throw new AbiEncodingException(
                    $"abi.encodePacked does not support {type.CanonicalName} {(inArray ? "inside an array" : "values")}, as in Solidity; use the standard encoding.");
            case AbiTypeKind.Bytes:
                output.Write(AbiValueAccess.Bytes(type, value));
                return;
            case AbiTypeKind.String:
                output.Write(System.Text.Encoding.UTF8.GetBytes(AbiValueAccess.String(value)));
                return;
            case AbiTypeKind.Array or AbiTypeKind.FixedArray:
                if (inArray)
                {
                    throw new AbiEncodingException("abi.encodePacked does not support nested arrays, as in Solidity; use the standard encoding.");
                }

                int count = AbiValueAccess.Count(type, value);
                if (type.Kind == AbiTypeKind.FixedArray)
                {
                    AbiValueAccess.CheckCount(type, count);
                }

                for (int i = 0; i < count; i++)
                {
                    try
                    {
                        Write(type.Element!, AbiValueAccess.Item(value!, i), output, word, inArray: true);
                    }
                    catch (AbiEncodingException e)
                    {
                        throw e.AtIndex(i);
                    }
                }

                return;
        }

        // Static elementary types: the standard 32-byte word, then keep only the packed bytes (all of it inside arrays).
        AbiWriter.Write(type, value, word);
        if (inArray)
        {
            output.Write(word);
            return;
        }

        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                output.Write(word[(32 - (type.Size / 8))..]);
                break;
            case AbiTypeKind.Address:
                output.Write(word[12..]);
                break;
            case AbiTypeKind.Bool:
                output.WriteByte(word[31]);
                break;
            default:
                output.Write(word[..type.Size]);
                break;
        }

    }
}
