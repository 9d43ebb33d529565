namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>A transaction was not mined within the time waited for its receipt.</summary>
public sealed class TransactionReceiptTimeoutException : EthereumException
{
    public TransactionReceiptTimeoutException(string transactionHash, TimeSpan waited)
        : base($"Transaction {transactionHash} had no receipt after {waited.TotalSeconds:0.#} s. It may still be pending (fees too low for current demand), " +
               "dropped from the pool, or replaced; check it with eth_getTransactionByHash and bump its fees or re-send if it is gone.")
    {
        TransactionHash = transactionHash;
        Waited = waited;
    }

    /// <summary>The transaction waited for.</summary>
    public string TransactionHash { get; }

    /// <summary>How long the client waited.</summary>
    public TimeSpan Waited { get; }
}
