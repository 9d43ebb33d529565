using OpenGradient.Ethereum;

namespace OpenGradient.Oracle.Keys;

/// <summary>The node's key could not be loaded; the message names the setting to fix.</summary>
public sealed class KeyLoadException : EthereumException
{
    public KeyLoadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
