using OpenGradient.Ethereum;

namespace OpenGradient.Oracle.Transactions;

/// <summary>A transaction intent cannot be sent as asked (bad key, conflicting reuse of a key); the message says what to change.</summary>
public sealed class TxSendException : EthereumException
{
    public TxSendException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
