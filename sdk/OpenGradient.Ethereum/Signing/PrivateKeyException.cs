namespace OpenGradient.Ethereum.Signing;

/// <summary>Raised when bytes or text are not a valid secp256k1 private key (32 bytes, 1 ≤ d &lt; n).</summary>
public sealed class PrivateKeyException : EthereumException
{
    public PrivateKeyException(string message)
        : base(message)
    {
    }

    public PrivateKeyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
