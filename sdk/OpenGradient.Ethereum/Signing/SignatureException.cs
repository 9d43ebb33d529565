namespace OpenGradient.Ethereum.Signing;

/// <summary>
/// Raised when a signature is malformed or cannot belong to any key: wrong length, r or s out of
/// range, a high s (EIP-2), an invalid v or recovery id, or an r with no point on the curve.
/// </summary>
public sealed class SignatureException : EthereumException
{
    public SignatureException(string message)
        : base(message)
    {
    }

    public SignatureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
