namespace OpenGradient.Oracle.Transactions;

/// <summary>What the RPC node said to one <c>eth_sendRawTransaction</c>.</summary>
internal enum BroadcastResult
{
    /// <summary>Accepted (or already known: the same bytes were sent before).</summary>
    Accepted,

    /// <summary>The answer was lost (timeout, dropped connection, 5xx): it may or may not be in the pool; watch its hash.</summary>
    Uncertain,

    /// <summary>The node could not be reached at all; nothing was sent. Try again later.</summary>
    Unreachable,

    /// <summary>The nonce is already used on chain.</summary>
    NonceTooLow,

    /// <summary>The fees are too low (or too low to replace the pooled transaction).</summary>
    Underpriced,

    /// <summary>The node refused it for good (insufficient funds, invalid).</summary>
    Rejected,
}
