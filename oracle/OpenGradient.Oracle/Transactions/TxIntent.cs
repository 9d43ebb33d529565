using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Transactions;

/// <summary>
/// A transaction the node wants on chain, named by an idempotency key (<c>submit:42</c>, <c>challenge:42</c>,
/// <c>finalize:batch-7</c>). Submitting the same key twice, in one process or across restarts, yields one transaction and
/// the same outcome.
/// </summary>
/// <param name="Key">The idempotency key (1..200 characters).</param>
/// <param name="To">The contract called.</param>
/// <param name="Data">The calldata.</param>
/// <param name="GasLimit">A fixed gas limit; null estimates it (and learns a revert before paying for it).</param>
/// <param name="Value">Wei sent along (usually 0).</param>
internal sealed record TxIntent(string Key, Address To, byte[] Data, ulong? GasLimit = null, BigInteger Value = default);
