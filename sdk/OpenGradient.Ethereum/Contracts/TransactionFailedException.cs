using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>
/// A transaction was mined with status 0, and replaying it as a call did not reproduce a revert reason (the state
/// changed since, or it ran out of gas).
/// </summary>
public sealed class TransactionFailedException : EthereumException
{
    public TransactionFailedException(TransactionReceipt receipt, ulong gasLimit)
        : base(Describe(receipt, gasLimit))
    {
        Receipt = receipt;
    }

    /// <summary>The failed transaction's receipt.</summary>
    public TransactionReceipt Receipt { get; }

    private static string Describe(TransactionReceipt receipt, ulong gasLimit) =>
        receipt.GasUsed >= gasLimit
            ? $"Transaction {receipt.TransactionHash} failed in block {receipt.BlockNumber}: it used all {gasLimit} gas. Raise the gas limit (or let it be estimated)."
            : $"Transaction {receipt.TransactionHash} failed in block {receipt.BlockNumber} (gas used {receipt.GasUsed} of {gasLimit}), but replaying it did not revert, so the state it depended on changed. Check the contract's preconditions and retry.";
}
