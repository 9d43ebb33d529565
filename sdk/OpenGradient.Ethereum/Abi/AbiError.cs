using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Abi;

/// <summary>A Solidity custom error (<c>error InsufficientStake(address node, uint256 have, uint256 need)</c>).</summary>
public sealed class AbiError
{
    private readonly byte[] _selector;

    /// <summary>Creates an error description.</summary>
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        Signature = AbiSignatureParser.Signature(name, Inputs);
        _selector = AbiFunction.ComputeSelector(Signature);
    }

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The error's values.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The canonical signature, e.g. <c>InsufficientStake(address,uint256,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector that starts the revert data.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The selector as <c>0x</c>-prefixed hex.</summary>
    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Parses <c>error InsufficientStake(address node, uint256 have, uint256 need)</c> (the keyword is optional).</summary>
    /// <exception cref="AbiFormatException">The text is not an error declaration.</exception>
    public static AbiError Parse(string text) => AbiSignatureParser.ParseError(text);

    /// <summary>Encodes revert data: the selector followed by the encoded values.</summary>
    public byte[] Encode(params object?[] values)
    {
        int size = AbiEncoder.GetEncodedLength(Inputs, values);
        var output = new byte[4 + size];
        _selector.CopyTo(output, 0);
        AbiWriter.WriteTuple(Inputs, values, output.AsSpan(4));
        return output;
    }

    /// <summary>Decodes revert data that starts with this error's selector.</summary>
    /// <exception cref="AbiDecodingException">The selector differs or the values are not canonically encoded.</exception>
    public AbiValues Decode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(_selector))
        {
            throw new AbiDecodingException($"revert data does not start with the selector {SelectorHex} of {Signature}.");
        }

        return new AbiValues(Inputs, AbiDecoder.Decode(Inputs, revertData[4..]));
    }

    /// <summary>The human-readable form.</summary>
    public override string ToString() => AbiSignatureParser.HumanReadable("error", Name, Inputs);
}
