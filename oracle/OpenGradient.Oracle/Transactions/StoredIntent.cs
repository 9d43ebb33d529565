using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Transactions;

/// <summary>A stored intent: what was asked, the nonce it holds (once signed) and, when final, its outcome.</summary>
internal sealed record StoredIntent(TxIntent Intent, Address Sender, ulong? Nonce, TxOutcome? Outcome);
