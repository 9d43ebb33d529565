using System.Numerics;

namespace OpenGradient.Oracle.Transactions;

/// <summary>The final result of a <see cref="TxIntent"/>.</summary>
/// <param name="Key">The intent's idempotency key.</param>
/// <param name="Status">Succeeded, reverted or rejected.</param>
/// <param name="TransactionHash">The mined transaction (null when nothing was mined).</param>
/// <param name="BlockNumber">The block it was mined in.</param>
/// <param name="GasUsed">Gas used (0 when nothing was mined).</param>
/// <param name="EffectiveGasPrice">Wei per gas paid.</param>
/// <param name="ErrorName">The custom error's name for a revert (e.g. <c>DeadlinePassed</c>), or <c>Error</c>/<c>Panic</c>; null otherwise.</param>
/// <param name="Detail">A readable explanation.</param>
/// <param name="Sent">False when the intent ended before any transaction was broadcast (estimate revert).</param>
internal sealed record TxOutcome(
    string Key,
    TxStatus Status,
    string? TransactionHash,
    ulong? BlockNumber,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    string? ErrorName,
    string Detail,
    bool Sent)
{
    /// <summary>True when mined with status 1.</summary>
    public bool Succeeded => Status == TxStatus.Succeeded;
}
