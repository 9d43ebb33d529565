namespace OpenGradient.Oracle.Transactions;

/// <summary>A signed transaction recorded for an intent (before it was broadcast).</summary>
internal sealed record StoredAttempt(string TransactionHash, ulong Nonce, Fees Fees, ulong GasLimit, byte[] Raw, DateTimeOffset CreatedAt);
