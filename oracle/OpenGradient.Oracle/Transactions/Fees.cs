using System.Numerics;

namespace OpenGradient.Oracle.Transactions;

/// <summary>EIP-1559 fee fields, in wei per gas.</summary>
/// <param name="MaxFeePerGas">The most paid per gas (base fee + tip).</param>
/// <param name="MaxPriorityFeePerGas">The tip to the block producer.</param>
internal readonly record struct Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
