namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// Raised when a signed transaction is for another chain than the one expected (or, for a
/// pre-EIP-155 transaction, for no chain at all, so it could be replayed anywhere).
/// </summary>
public sealed class ChainIdMismatchException : EthereumException
{
    public ChainIdMismatchException(ulong expectedChainId, ulong? actualChainId)
        : base(actualChainId is { } actual
            ? $"The transaction is signed for chain id {actual} but chain id {expectedChainId} was expected; re-sign it for chain {expectedChainId}, or connect to chain {actual}."
            : $"The transaction has no chain id (a pre-EIP-155 legacy transaction, replayable on any chain) but chain id {expectedChainId} was expected; re-sign it with EIP-155 or as a typed transaction.")
    {
        ExpectedChainId = expectedChainId;
        ActualChainId = actualChainId;
    }

    /// <summary>The chain id the caller expected.</summary>
    public ulong ExpectedChainId { get; }

    /// <summary>The transaction's chain id; null for a pre-EIP-155 transaction.</summary>
    public ulong? ActualChainId { get; }
}
