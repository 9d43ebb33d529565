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

    /// <summary>
    /// The nonce is ahead of the sender's next one and the node will not queue it (Hardhat under automine): a lower nonce of
    /// ours is not in the pool yet. Not final — once the lower nonces are sent (in order) the same bytes go in.
    /// </summary>
    NonceGap,

    /// <summary>The fees are too low (or too low to replace the pooled transaction).</summary>
    Underpriced,

    /// <summary>The node refused it for good (insufficient funds, invalid).</summary>
    Rejected,
}
