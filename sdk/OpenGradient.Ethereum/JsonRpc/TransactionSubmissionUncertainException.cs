namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// <c>eth_sendRawTransaction</c> failed in a way that leaves open whether the node received the transaction
/// (a timeout, a dropped connection, a 5xx). The client never re-sends on its own: look the transaction up by
/// <see cref="TransactionHash"/> (<c>eth_getTransactionByHash</c>) before sending it again.
/// </summary>
public sealed class TransactionSubmissionUncertainException : RpcTransportException
{
    public TransactionSubmissionUncertainException(string transactionHash, RpcTransportException cause)
        : base(
            cause.Endpoint,
            cause.Failure,
            $"Sending transaction {transactionHash} to {cause.Endpoint} failed ({cause.Failure}), and the node may or may not have received it. " +
            $"Query eth_getTransactionByHash({transactionHash}) or its receipt before re-sending; re-sending the same signed bytes is safe, signing a new transaction with the same nonce may replace it. Cause: {cause.Message}",
            cause.HttpStatus,
            cause)
    {
        TransactionHash = transactionHash;
    }

    /// <summary>Keccak-256 of the signed transaction bytes: the hash the transaction has if it was received.</summary>
    public string TransactionHash { get; }
}
