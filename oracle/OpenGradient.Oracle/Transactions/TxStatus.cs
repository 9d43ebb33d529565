namespace OpenGradient.Oracle.Transactions;

/// <summary>How a transaction intent ended.</summary>
internal enum TxStatus
{
    /// <summary>Mined with status 1 and confirmed.</summary>
    Succeeded,

    /// <summary>Mined with status 0, or refused by gas estimation before sending; <see cref="TxOutcome.ErrorName"/> names the contract error.</summary>
    Reverted,

    /// <summary>The node refused it for good (e.g. insufficient funds); nothing was mined.</summary>
    Rejected,
}
