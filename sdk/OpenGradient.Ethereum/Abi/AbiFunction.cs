using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Ethereum.Abi;

/// <summary>A contract function: its signature, 4-byte selector, and call/return encoding.</summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    /// <summary>Creates a function description.</summary>
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        Name = name;
        Inputs = [.. inputs];
        Outputs = [.. outputs];
        StateMutability = stateMutability;
        Signature = AbiSignatureParser.Signature(name, Inputs);
        _selector = ComputeSelector(Signature);
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The return values.</summary>
    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary><c>pure</c>, <c>view</c>, <c>nonpayable</c> or <c>payable</c>.</summary>
    public string StateMutability { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first 4 bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The selector as <c>0x</c>-prefixed hex.</summary>
    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Parses <c>function transfer(address to, uint256 amount) external returns (bool)</c> (the keyword is optional).</summary>
    /// <exception cref="AbiFormatException">The text is not a function declaration.</exception>
    public static AbiFunction Parse(string text) => AbiSignatureParser.ParseFunction(text);

    /// <summary>The 4-byte selector of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    public static byte[] ComputeSelector(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(signature), hash);
        return hash[..4].ToArray();
    }

    /// <summary>Encodes call data: the selector followed by the encoded arguments.</summary>
    /// <exception cref="AbiEncodingException">An argument does not fit its parameter.</exception>
    public byte[] EncodeCall(params object?[] arguments)
    {
        int size = AbiEncoder.GetEncodedLength(Inputs, arguments);
        var output = new byte[4 + size];
        _selector.CopyTo(output, 0);
        AbiWriter.WriteTuple(Inputs, arguments, output.AsSpan(4));
        return output;
    }

    /// <summary>Decodes call data (selector + arguments).</summary>
    /// <exception cref="AbiDecodingException">The selector differs or the arguments are not canonically encoded.</exception>
    public AbiValues DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
        {
            throw new AbiDecodingException(
                $"call data does not start with the selector {SelectorHex} of {Signature}; it is for another function or truncated.");
        }

        return new AbiValues(Inputs, AbiDecoder.Decode(Inputs, callData[4..]));
    }

    /// <summary>Decodes the return data of a call.</summary>
    /// <exception cref="AbiDecodingException">The data is not the canonical encoding of <see cref="Outputs"/>.</exception>
    public AbiValues DecodeOutput(ReadOnlySpan<byte> returnData) => new(Outputs, AbiDecoder.Decode(Outputs, returnData));

    /// <summary>The human-readable form, e.g. <c>function transfer(address to, uint256 amount) returns (bool)</c>.</summary>
    public override string ToString()
    {
        string text = AbiSignatureParser.HumanReadable("function", Name, Inputs);
        if (StateMutability != "nonpayable")
        {
            text += " " + StateMutability;
        }

        return Outputs.Count == 0 ? text : text + " returns " + AbiSignatureParser.HumanReadable(string.Empty, string.Empty, Outputs).TrimStart();
    }
}
