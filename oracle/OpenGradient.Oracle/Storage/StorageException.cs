using OpenGradient.Ethereum;

namespace OpenGradient.Oracle.Storage;

/// <summary>The node's database is unusable (wrong schema, duplicate migration, unreadable file); the message says what to do.</summary>
public sealed class StorageException : EthereumException
{
    public StorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
