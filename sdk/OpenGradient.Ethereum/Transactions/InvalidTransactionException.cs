namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// Raised when a transaction cannot be encoded as built: a field the type does not have is set
/// (e.g. a gas price on an EIP-1559 transaction), a typed transaction lacks a chain id, or an
/// amount is negative or above 2^256 − 1.
/// </summary>
public sealed class InvalidTransactionException : EthereumException
{
    public InvalidTransactionException(string message)
        : base(message)
    {
    }
}
