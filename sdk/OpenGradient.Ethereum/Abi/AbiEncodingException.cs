namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Raised when a value cannot be ABI-encoded as the given type (wrong .NET type, integer out of range, wrong
/// array or byte length).
/// <see cref="Path"/> names the bad element, e.g. <c>job.inputs[2].shape</c>: parameter and component names
/// (or their position when unnamed) joined by dots, array indices in brackets.
/// </summary>
public sealed class AbiEncodingException : EthereumException
{
    private readonly AbiPath _path = new();

    public AbiEncodingException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    /// <summary>What was wrong and what to do, without the path.</summary>
    public string Reason { get; }

    /// <summary>The path of the bad element, or <c>(root)</c>.</summary>
    public string Path => _path.ToString();

    /// <inheritdoc/>
    public override string Message => $"ABI encoding failed at {Path}: {Reason}";

    internal AbiEncodingException At(AbiParameter parameter, int index)
    {
        _path.Prepend(parameter, index);
        return this;
    }

    internal AbiEncodingException AtIndex(int index)
    {
        _path.PrependIndex(index);
        return this;
    }
}
