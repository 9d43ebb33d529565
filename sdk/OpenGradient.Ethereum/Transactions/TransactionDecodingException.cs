namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// Raised when bytes are not a valid signed transaction: empty or truncated input, an unknown or
/// unsupported type byte, non-canonical RLP, the wrong number of fields, a field of the wrong size,
/// or an invalid signature (bad v, r or s, high s). The message names the field.
/// </summary>
public sealed class TransactionDecodingException : EthereumException
{
    public TransactionDecodingException(string message)
        : base(message)
    {
    }

    public TransactionDecodingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
