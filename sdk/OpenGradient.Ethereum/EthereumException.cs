namespace OpenGradient.Ethereum;

/// <summary>
/// Base type of every error raised by the Ethereum layer. Each subtype names one kind of bad input
/// or failure; its message says what was wrong and what to do about it.
/// </summary>
public abstract class EthereumException : Exception
{
    protected EthereumException(string message)
        : base(message)
    {
    }

    protected EthereumException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
