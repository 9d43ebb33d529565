namespace OpenGradient.Ethereum.Keystore;

/// <summary>
/// Raised when a keystore's MAC does not match the one derived from the password: the password is
/// wrong, or the file was changed.
/// </summary>
public sealed class KeystoreWrongPasswordException : KeystoreException
{
    public KeystoreWrongPasswordException(string message)
        : base(message)
    {
    }

    public KeystoreWrongPasswordException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
