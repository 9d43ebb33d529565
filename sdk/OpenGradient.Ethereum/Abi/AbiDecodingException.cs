namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Raised when ABI-encoded bytes are not the canonical encoding of the expected types (truncated data, an offset or
/// length out of bounds or not where the standard encoder puts it, non-zero padding, a bool other than 0/1, an
/// integer outside its type's range, trailing bytes).
/// <see cref="Path"/> names the bad element, e.g. <c>job.inputs[2].shape</c>: parameter and component names
/// (or their position when unnamed) joined by dots, array indices in brackets.
/// </summary>
public sealed class AbiDecodingException : EthereumException
{
    private readonly AbiPath _path = new();

    public AbiDecodingException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    /// <summary>What was wrong and what to do, without the path.</summary>
    public string Reason { get; }

    /// <summary>The path of the bad element, or <c>(root)</c>.</summary>
    public string Path => _path.ToString();

    /// <inheritdoc/>
    public override string Message => $"ABI decoding failed at {Path}: {Reason}";

    internal AbiDecodingException At(AbiParameter parameter, int index)
    {
        _path.Prepend(parameter, index);
        return this;
    }

    internal AbiDecodingException AtIndex(int index)
    {
        _path.PrependIndex(index);
        return this;
    }
}
