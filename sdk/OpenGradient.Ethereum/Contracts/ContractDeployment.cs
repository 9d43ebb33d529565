using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>The result of <see cref="Web3.DeployAsync"/>: the contract at its new address and the creation receipt.</summary>
/// <param name="Contract">The deployed contract, ready for calls and transactions.</param>
/// <param name="Receipt">The creation transaction's receipt.</param>
public sealed record ContractDeployment(Contract Contract, TransactionReceipt Receipt);
