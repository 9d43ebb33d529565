namespace OpenGradient.Ethereum.Encoding;

/// <summary>
/// Raised when bytes are not a canonical RLP encoding (truncated, trailing bytes, non-minimal lengths,
/// a single byte wrapped in a header, an integer with leading zeros, nesting too deep).
/// </summary>
public sealed class RlpDecodingException : EthereumException
{
    public RlpDecodingException(string message)
        : base(message)
    {
    }
}
