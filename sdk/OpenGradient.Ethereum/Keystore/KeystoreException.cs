namespace OpenGradient.Ethereum.Keystore;

/// <summary>Base of the errors raised while reading or writing a Web3 Secret Storage (v3) keystore.</summary>
public abstract class KeystoreException : EthereumException
{
    protected KeystoreException(string message)
        : base(message)
    {
    }

    protected KeystoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
