namespace OpenGradient.Ethereum.Encoding;

/// <summary>Raised when a value cannot be RLP-encoded (a negative integer, a buffer too small for the writer).</summary>
public sealed class RlpEncodingException : EthereumException
{
    public RlpEncodingException(string message)
        : base(message)
    {
    }
}
