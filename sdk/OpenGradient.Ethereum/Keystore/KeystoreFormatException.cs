namespace OpenGradient.Ethereum.Keystore;

/// <summary>
/// Raised when a keystore is not a well-formed v3 file this library can read: invalid JSON, a
/// missing or mistyped field, an unsupported KDF or cipher, bad hex, or wrong lengths. The message
/// names the field.
/// </summary>
public sealed class KeystoreFormatException : KeystoreException
{
    public KeystoreFormatException(string message)
        : base(message)
    {
    }

    public KeystoreFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
